import type { WorkstationApi } from '../../../shared/ipc/contract';
import { createSocketApi } from '../../../shared/ipc/createSocketApi';

/**
 * The transport picked at start: Electron's preload bridge when present, else the browser host's WebSocket
 * (the host put its secret in the URL fragment, which never reaches a server log).
 */
export function connectApi(): WorkstationApi {
  const bridged = (window as Window & { workstation?: WorkstationApi }).workstation;
  if (bridged) return bridged;
  return createSocketApi({ url: window.location.origin, secret: new URLSearchParams(window.location.hash.slice(1)).get('secret') ?? '' });
}
