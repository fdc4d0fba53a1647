import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { ELECTRON_EVENT, ELECTRON_INVOKE } from '../../shared/ipc/electronWire';
import type { Engine } from '../engine/createEngine';
import type { RendererLocation } from './rendererLocation';

/**
 * Carries the contract between the window and the engine. A call is answered only when it comes from the
 * main frame of our window showing our page (not an iframe, not a page navigated elsewhere); the engine
 * then checks the channel and parses the input. Returns the unwiring.
 */
export function wireIpc(engine: Engine, window: BrowserWindow, location: RendererLocation): () => void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return (
      event.sender.id === window.webContents.id && frame !== null && frame === event.sender.mainFrame && location.isOwn(frame.url)
    );
  };
  ipcMain.handle(ELECTRON_INVOKE, (event, channel: unknown, input: unknown) => {
    if (!trusted(event)) return { ok: false, error: { code: 'forbidden-sender', message: 'this page may not call the workstation' } };
    return engine.invoke(channel, input);
  });
  const unsubscribe = engine.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(ELECTRON_EVENT, event);
  });
  return () => {
    ipcMain.removeHandler(ELECTRON_INVOKE);
    unsubscribe();
  };
}
