/**
 * Exposes exactly `window.workstation` (WorkstationApi): invoke a contract channel, subscribe to a contract
 * event. Nothing of Electron reaches the page: no ipcRenderer, no event objects (they carry the sender).
 * Sandboxed: this file is bundled with what it imports (electron.vite.config.ts), since a sandboxed preload
 * cannot require from node_modules. It imports the contract by type only and checks names with names.ts: the
 * contract's schemas would bring zod and the assist engine's word lists (preloadBundle.test.ts keeps them out).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { WorkstationApi } from '../shared/ipc/contract';
import { ELECTRON_EVENT, ELECTRON_INVOKE } from '../shared/ipc/electronWire';
import { isChannelName, isEventName } from '../shared/ipc/names';

const api: WorkstationApi = {
  invoke(channel, input) {
    // Refused here as well as in the main process, so a page bug shows at its source.
    if (!isChannelName(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `no channel ${String(channel)}` } });
    }
    return ipcRenderer.invoke(ELECTRON_INVOKE, channel, input);
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`no event ${String(event)}`);
    const forward = (_ipc: IpcRendererEvent, message: { name: string; payload: never }) => {
      if (message.name === event) listener(message.payload);
    };
    ipcRenderer.on(ELECTRON_EVENT, forward);
    return () => void ipcRenderer.off(ELECTRON_EVENT, forward);
  },
};

contextBridge.exposeInMainWorld('workstation', api);
