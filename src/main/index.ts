/**
 * Electron entry: one engine, in its own utility process, and one window. This process keeps the window, OS
 * notifications and idle detection. Everything else lives in src/main/electron (what needs Electron) and
 * src/main/engine (what does not).
 */
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { z } from 'zod';
import type { Engine } from './engine/createEngine';
import { createMainWindow } from './electron/createMainWindow';
import { hardenApp } from './electron/hardenApp';
import { LAUNCH_ENV } from './electron/launchEnv';
import { lockOnSleep, systemIdleMs } from './electron/lockOnSleep';
import { electronSqliteBinding } from './electron/nativeBinding';
import { showOsNotifications } from './electron/osNotifications';
import { startEngineProcess } from './electron/startEngineProcess';
import { rendererLocation } from './electron/rendererLocation';
import { wireIpc } from './electron/wireIpc';

const DEFAULT_HUB_URL = 'http://127.0.0.1:4410';

function start(): void {
  const location = rendererLocation();
  hardenApp(location.isOwn);
  const hubUrl = z.url({ protocol: /^https?$/ }).parse(process.env[LAUNCH_ENV.hubUrl] ?? DEFAULT_HUB_URL);
  const engine: Engine = startEngineProcess(
    { dataDir: join(app.getPath('userData'), 'people'), hubUrl, nativeBinding: electronSqliteBinding() },
    { systemIdleMs },
  );
  const window: BrowserWindow = createMainWindow(location);
  wireIpc(engine, window, location);
  showOsNotifications(engine, window);
  lockOnSleep(engine);

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  window.on('closed', () => app.quit());
  // Close the cache before quitting, so the WAL is checkpointed and the key leaves memory.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void engine.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

// One instance per OS user: two would open the same cache files.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app
    .whenReady()
    .then(start)
    .catch((error: Error) => {
      dialog.showErrorBox('The workstation could not start', error.message);
      app.quit();
    });
}
