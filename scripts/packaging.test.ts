import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAUNCH_ENV } from '../src/main/electron/launchEnv';
import { icoImages, pngSize } from './icons/ico';
import { PNG_SIZES } from './icons/iconSet';

/**
 * electron-builder.json cannot be tried here (electron-builder downloads Electron to package, and this
 * machine cannot): what it says is checked instead, and every file it names must exist.
 */
const ROOT = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path));

interface FileSet {
  from: string;
  to: string;
}
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { buildResources: string; output: string };
  files: string[];
  npmRebuild: boolean;
  extraResources: FileSet[];
  linux: { target: string[]; icon: string; executableName: string; maintainer: string };
  win: { target: string[]; icon: string };
  nsis: { installerIcon: string; uninstallerIcon: string };
}
const config = JSON.parse(read('electron-builder.json').toString('utf8')) as BuilderConfig;
const pkg = JSON.parse(read('package.json').toString('utf8')) as { main: string; devDependencies: Record<string, string> };

describe('electron-builder.json', () => {
  it('builds AppImage and deb for Linux and an NSIS installer for Windows, as the product', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.appId).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9-]*){2,}$/);
    expect(config.productName).toBe('Agent Workstation');
    expect(config.linux.executableName).toMatch(/^[a-z][a-z0-9-]+$/);
    // deb refuses to package without a maintainer (package.json names no author).
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    // Electron must be pinned: electron-builder packages the version package.json names.
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('packs what electron-vite builds, and the app\'s entry point is inside it', () => {
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(pkg.main.startsWith('out/')).toBe(true);
    expect(config.directories.output).toBe('dist');
    expect(read('.gitignore').toString('utf8').split('\n')).toEqual(expect.arrayContaining(['out/', 'dist/']));
  });

  it('ships the SQLite driver built for Electron where the packaged app looks for it', () => {
    // The Node build in node_modules stays for tests and the hub: no rebuild in place (see nativeBinding.ts, which
    // reads resources/native/better_sqlite3.node when packaged; the driver is named by the variable npm start sets).
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toEqual([{ from: `\${env.${LAUNCH_ENV.sqliteBinding}}`, to: 'native/better_sqlite3.node' }]);
  });

  it('names icons that exist, at the sizes each target needs', () => {
    expect(config.directories.buildResources).toBe('resources');
    expect(statSync(join(ROOT, config.linux.icon)).isDirectory()).toBe(true);
    const linuxIcons = readdirSync(join(ROOT, config.linux.icon)).sort();
    expect(linuxIcons).toEqual(PNG_SIZES.map((size) => `${size}x${size}.png`).sort());
    expect(linuxIcons).toEqual(expect.arrayContaining(['256x256.png', '512x512.png']));
    for (const file of linuxIcons) {
      const size = Number(file.split('x')[0]);
      expect(pngSize(read(join(config.linux.icon, file))), file).toEqual({ width: size, height: size });
    }
    for (const ico of [config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon]) {
      expect(existsSync(join(ROOT, ico)), ico).toBe(true);
      const images = icoImages(read(ico));
      // Windows (and electron-builder) want a 256-pixel image; each entry is the PNG it says it is.
      expect(images.map((i) => i.width)).toContain(256);
      for (const image of images) expect(pngSize(image.png)).toEqual({ width: image.width, height: image.height });
    }
    expect(read('resources/icon.svg').toString('utf8')).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
  });
});
