import { MAX_ICO_SIZE } from './ico';

/** The Linux icon set in resources/icons (freedesktop's usual sizes, up to the 512 electron-builder asks for). */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
/** What resources/icon.ico holds, for Windows to pick from (taskbar, Explorer, the installer). */
export const ICO_SIZES = PNG_SIZES.filter((size) => size <= MAX_ICO_SIZE);
