import { app, session } from 'electron';

/**
 * App-wide guards (docs/architecture.md, "Security model"): every permission request denied (the
 * workstation needs none: OS notifications come from the main process), no navigation away from our page,
 * no new windows, no <webview>.
 */
export function hardenApp(isOwnPage: (url: string) => boolean): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnPage(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
