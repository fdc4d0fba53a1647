/**
 * How the IPC contract travels over the browser host's WebSocket (Socket.IO on its own path): the page emits
 * `invoke` with `{channel, input}` and an acknowledgement that receives the IpcResult; the host emits `event`
 * with `{name, payload}`. The page proves it was opened by the host with the launch secret in `auth.secret`.
 */
import { z } from 'zod';

export const SOCKET_PATH = '/workstation-ipc';
export const INVOKE = 'invoke';
export const EVENT = 'event';

/** An `invoke` as the host reads it (the channel and input are checked again by the engine). */
export const InvokeMessageSchema = z.object({ channel: z.string().max(100), input: z.unknown() }).strict();

/** An IpcResult envelope as the page reads it. */
export const IpcResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) }),
]);

/** An `event` as the page reads it (the payload is parsed with the contract's schema for that event). */
export const EventMessageSchema = z.object({ name: z.string(), payload: z.unknown() });
