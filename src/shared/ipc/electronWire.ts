/**
 * How the IPC contract travels inside Electron: the preload invokes `INVOKE` with `(channel, input)` and gets
 * the IpcResult back; the main process sends `EVENT` with `{name, payload}`. Only the preload uses these
 * names: the page sees `window.workstation`.
 */
export const ELECTRON_INVOKE = 'workstation:invoke';
export const ELECTRON_EVENT = 'workstation:event';
