import { io } from 'socket.io-client';
import type { WorkstationApi } from '../../../shared/ipc/contract';
import { createSocketApi, type IoFactory } from '../../../shared/ipc/createSocketApi';

/**
 * The transport picked at start: Electron's preload bridge when present, else the browser host's WebSocket
 * (the host puts its launch secret in the URL fragment, which never travels in a request).
 */
export function connectApi(): WorkstationApi {
  const bridged = (window as Window & { workstation?: WorkstationApi }).workstation;
  if (bridged) return bridged;
  const secret = new URLSearchParams(window.location.hash.slice(1)).get('secret') ?? '';
  return createSocketApi({ io: io as unknown as IoFactory, url: window.location.origin, secret });
}
