/**
 * A Windows .ico file holding PNG images (the format Windows has read since Vista, and the one NSIS and
 * electron-builder take): a 6-byte header, one 16-byte entry per image, then the PNG files as they are.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const HEADER_BYTES = 6;
const ENTRY_BYTES = 16;
/** An .ico entry stores width and height in one byte each, 0 meaning 256: nothing larger fits. */
export const MAX_ICO_SIZE = 256;

/** Width and height from a PNG's IHDR chunk (always the first, right after the signature). */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** One .ico of square PNG images, smallest first, each size once. */
export function icoOf(pngs: readonly Buffer[]): Buffer {
  if (pngs.length === 0) throw new Error('an icon needs at least one image');
  const images = pngs.map((data) => ({ data, ...pngSize(data) })).sort((a, b) => a.width - b.width);
  for (const [i, image] of images.entries()) {
    if (image.width !== image.height) throw new Error(`icon images are square: ${image.width}x${image.height}`);
    if (image.width < 1 || image.width > MAX_ICO_SIZE) throw new Error(`an .ico image is 1 to ${MAX_ICO_SIZE} pixels wide, not ${image.width}`);
    if (i > 0 && images[i - 1]!.width === image.width) throw new Error(`two images of ${image.width}x${image.width}`);
  }
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1: icon (2 would be a cursor)
  header.writeUInt16LE(images.length, 4);
  let offset = HEADER_BYTES + ENTRY_BYTES * images.length;
  const entries = images.map((image) => {
    const entry = Buffer.alloc(ENTRY_BYTES);
    entry.writeUInt8(image.width % MAX_ICO_SIZE, 0);
    entry.writeUInt8(image.height % MAX_ICO_SIZE, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel (RGBA)
    entry.writeUInt32LE(image.data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += image.data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)]);
}

/** The images an .ico holds, read back: what packaging checks (packaging.test.ts). */
export function icoImages(ico: Buffer): { width: number; height: number; png: Buffer }[] {
  if (ico.length < HEADER_BYTES || ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an .ico file');
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const at = HEADER_BYTES + ENTRY_BYTES * i;
    if (at + ENTRY_BYTES > ico.length) throw new Error('truncated .ico directory');
    const width = ico.readUInt8(at) || MAX_ICO_SIZE;
    const height = ico.readUInt8(at + 1) || MAX_ICO_SIZE;
    const bytes = ico.readUInt32LE(at + 8);
    const offset = ico.readUInt32LE(at + 12);
    if (offset + bytes > ico.length) throw new Error('an .ico image runs past the end of the file');
    return { width, height, png: ico.subarray(offset, offset + bytes) };
  });
}
