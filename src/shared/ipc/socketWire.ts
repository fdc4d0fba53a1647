/**
 * How the IPC contract travels over the browser host's WebSocket (Socket.IO on its own path): the page emits
 * `invoke` with `{channel, input}` and an acknowledgement that receives the IpcResult; the host emits `event`
 * with `{name, payload}`. The page proves it was opened by the host with the launch secret in `auth.secret`.
 */
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES } from '../domain';
import { MAX_IMPORT_BODY_BYTES } from '../protocol/admin';
import type { ChannelName } from './contract';

export const SOCKET_PATH = '/workstation-ipc';
export const INVOKE = 'invoke';
export const EVENT = 'event';

/**
 * A CSV import is one message as large as the hub takes an import. It travels on a socket of its own, opened for
 * that one call with the launch secret in its URL, so that only the page gets a connection with the large cap and
 * every other message keeps the main socket's small one (a WebSocket message is read whole before its channel is
 * known). That socket carries these channels alone, one call at a time; files (an upload, a file of the timeline,
 * up to MAX_ATTACHMENT_BYTES in base64) are large messages too and travel the same way.
 */
export const IMPORT_SOCKET_PATH = '/workstation-ipc-import';
export const IMPORT_CHANNELS: readonly ChannelName[] = ['admin.previewImport', 'admin.applyImport', 'attachment.upload', 'attachment.get'];
/** The largest message on the import socket: an import or a file in base64, plus the Socket.IO and `{channel, input}` envelope. */
export const MAX_IMPORT_FRAME_BYTES = Math.max(MAX_IMPORT_BODY_BYTES, Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 1024) + 1024;

/** An `invoke` as the host reads it (the channel and input are checked again by the engine). */
export const InvokeMessageSchema = z.object({ channel: z.string().max(100), input: z.unknown() }).strict();

/** An IpcResult envelope as the page reads it. */
export const IpcResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) }),
]);

/** An `event` as the page reads it (the payload is parsed with the contract's schema for that event). */
export const EventMessageSchema = z.object({ name: z.string(), payload: z.unknown() });
