/**
 * Renders the app's icon (resources/icon.svg) into what electron-builder packages (electron-builder.json):
 * resources/icons/<n>x<n>.png, the Linux icon set (AppImage, deb: the file names carry the sizes), and
 * resources/icon.ico (Windows, NSIS; 256 pixels at most). Chromium draws the SVG, the browser the e2e
 * journeys use (playwright.config.ts), so nothing beyond the project's dependencies is needed.
 *
 *   npx tsx scripts/icons/drawIcons.ts      (after changing resources/icon.svg; commit what it writes)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import playwrightConfig from '../../playwright.config';
import { icoOf, pngSize } from './ico';
import { ICO_SIZES, PNG_SIZES } from './iconSet';

const RESOURCES = resolve(import.meta.dirname, '../../resources');

async function main() {
  const svg = readFileSync(join(RESOURCES, 'icon.svg'));
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const pngs = new Map<number, Buffer>();
    for (const size of PNG_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<body style="margin:0;background:transparent"><img src="data:image/svg+xml;base64,${svg.toString('base64')}" width="${size}" height="${size}" style="display:block"></body>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      const drawn = pngSize(png);
      if (drawn.width !== size || drawn.height !== size) throw new Error(`drew ${drawn.width}x${drawn.height} for ${size}x${size}`);
      pngs.set(size, png);
    }
    mkdirSync(join(RESOURCES, 'icons'), { recursive: true });
    for (const [size, png] of pngs) writeFileSync(join(RESOURCES, 'icons', `${size}x${size}.png`), png);
    writeFileSync(join(RESOURCES, 'icon.ico'), icoOf(ICO_SIZES.map((size) => pngs.get(size)!)));
    console.log(`icons: ${PNG_SIZES.map((s) => `${s}x${s}.png`).join(', ')} and icon.ico (${ICO_SIZES.join(', ')}) in ${RESOURCES}`);
  } finally {
    await browser.close();
  }
}

await main();
