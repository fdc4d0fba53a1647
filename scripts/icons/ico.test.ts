import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { icoImages, icoOf, pngSize } from './ico';

const icon = (size: number) => readFileSync(resolve(import.meta.dirname, `../../resources/icons/${size}x${size}.png`));

describe('the .ico writer', () => {
  it('holds the PNG images as they are, smallest first, 256 written as 0 and read back as 256', () => {
    const ico = icoOf([icon(256), icon(16), icon(32)]);
    expect(ico.readUInt16LE(4)).toBe(3);
    expect(ico.readUInt8(6 + 2 * 16)).toBe(0);
    const images = icoImages(ico);
    expect(images.map((i) => [i.width, i.height])).toEqual([[16, 16], [32, 32], [256, 256]]);
    expect(images[2]!.png.equals(icon(256))).toBe(true);
    expect(pngSize(images[0]!.png)).toEqual({ width: 16, height: 16 });
  });

  it('refuses what an .ico cannot hold', () => {
    expect(() => icoOf([])).toThrow(/at least one/);
    expect(() => icoOf([icon(512)])).toThrow(/1 to 256/);
    expect(() => icoOf([icon(32), icon(32)])).toThrow(/two images/);
    expect(() => icoOf([Buffer.from('GIF89a not a png at all')])).toThrow(/not a PNG/);
    const wide = Buffer.from(icon(16));
    wide.writeUInt32BE(17, 16);
    expect(() => icoOf([wide])).toThrow(/square/);
    expect(() => icoImages(Buffer.from([0, 0, 2, 0, 1, 0]))).toThrow(/not an .ico/);
  });
});
