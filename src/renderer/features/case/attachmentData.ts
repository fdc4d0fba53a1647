import { ATTACHMENT_EXTENSIONS, ATTACHMENT_TYPES } from '../../../shared/domain';
import { formatNumber } from '../../lib/format';

/** What the file picker offers: every allowed type and its extensions. */
export const ATTACHMENT_ACCEPT = [...ATTACHMENT_TYPES, ...Object.values(ATTACHMENT_EXTENSIONS).flat().map((e) => `.${e}`)].join(',');

let queue: Promise<unknown> = Promise.resolve();
/**
 * Runs file calls to the engine one at a time: in a browser each travels on a socket of its own that takes one
 * call at a time (see IMPORT_SOCKET_PATH), and ten thumbnails asked at once would be refused.
 */
export function oneFileAtATime<T>(call: () => Promise<T>): Promise<T> {
  const run = queue.then(call, call);
  queue = run.catch(() => {});
  return run;
}

/** A picked file's bytes (FileReader: what every engine of the renderer offers, jsdom included). */
export function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

/** Bytes as base64, in slices (one call per byte would blow the stack on a large photo). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A picked file's type: what the system says, or (when it says nothing, as for a .csv on some systems) the
 * type its extension belongs to; the engine and the hub check the bytes either way.
 */
export function fileTypeOf(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const extension = file.name.split('.').at(-1)?.toLowerCase() ?? '';
  return (Object.keys(ATTACHMENT_EXTENSIONS) as Array<keyof typeof ATTACHMENT_EXTENSIONS>).find((t) => ATTACHMENT_EXTENSIONS[t].includes(extension)) ?? '';
}

/** A file size for people: kB below a megabyte, else MB, in the language's number format. */
export function formatSize(lng: string, bytes: number): string {
  const mb = bytes >= 1024 * 1024;
  return formatNumber(lng, mb ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 });
}

/** Hands a file to the system's save (a download in a browser, the save dialog in Electron). */
export function saveFile(name: string, type: string, data: string): void {
  const url = URL.createObjectURL(new Blob([fromBase64(data)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
