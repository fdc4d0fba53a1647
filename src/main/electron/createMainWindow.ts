import { fileURLToPath } from 'node:url';
import { BrowserWindow, session } from 'electron';
import type { RendererLocation } from './rendererLocation';

// The page needs only its own bundle. Stricter than the page's own meta CSP, which also allows the browser
// host's WebSocket: inside Electron the contract goes through the preload.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine injects its CSS variables in <style> elements.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The one workstation window: isolated, sandboxed, no Node in the page, shown once painted. */
export function createMainWindow(location: RendererLocation): BrowserWindow {
  // The dev server's inline preamble (React refresh) would not pass this CSP; the built app gets it.
  if (!process.env.ELECTRON_RENDERER_URL) {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }),
    );
  }
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    webPreferences: {
      preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(location.url);
  return window;
}
