import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the window's page comes from: electron-vite's dev server, or the built file next to the main bundle. */
export interface RendererLocation {
  url: string;
  /** True when a frame URL belongs to our page (same dev-server origin, or the very index.html file). */
  isOwn(frameUrl: string): boolean;
}

export function rendererLocation(): RendererLocation {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) {
    const origin = new URL(devServer).origin;
    return { url: devServer, isOwn: (frameUrl) => URL.canParse(frameUrl) && new URL(frameUrl).origin === origin };
  }
  const file = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
  const url = pathToFileURL(file).href;
  // Compare without the fragment and query: the page may use a hash router.
  return { url, isOwn: (frameUrl) => URL.canParse(frameUrl) && new URL(frameUrl).href.split(/[?#]/)[0] === url };
}
