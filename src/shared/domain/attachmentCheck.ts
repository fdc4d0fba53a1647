import { ATTACHMENT_EXTENSIONS, AttachmentNameSchema, AttachmentTypeSchema, ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, PROGRAM_EXTENSIONS, type AttachmentType } from './attachment';

/**
 * Whether a file may be stored as it is declared: the one rule the hub enforces on every upload and inbound file,
 * and the workstation checks first so an agent hears at once what would be refused. Pure: runs in every process.
 */

export type AttachmentProblemCode = 'bad-name' | 'empty' | 'too-large' | 'type-not-allowed' | 'type-mismatch';

/** Why a file is refused, with a message that names the file. */
export interface AttachmentProblem {
  code: AttachmentProblemCode;
  message: string;
}

/** Leading bytes that identify each binary type (RIFF files are WebP only with "WEBP" at offset 8). */
const MAGIC: Partial<Record<AttachmentType, (b: Uint8Array) => boolean>> = {
  'image/jpeg': (b) => starts(b, [0xff, 0xd8, 0xff]),
  'image/png': (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/gif': (b) => starts(b, ascii('GIF87a')) || starts(b, ascii('GIF89a')),
  'image/webp': (b) => starts(b, ascii('RIFF')) && starts(b.subarray(8), ascii('WEBP')),
  'application/pdf': (b) => starts(b, ascii('%PDF-')),
};

/** Programs, named so a renamed one is refused with a reason a person understands. */
const PROGRAMS: ReadonlyArray<(b: Uint8Array) => boolean> = [
  (b) => starts(b, ascii('MZ')), // Windows
  (b) => starts(b, [0x7f, 0x45, 0x4c, 0x46]), // ELF (Linux)
  (b) => [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xcf, 0xfa, 0xed, 0xfe], [0xce, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]].some((m) => starts(b, m)), // Mach-O
];

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

function starts(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((m, i) => bytes[i] === m);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text a person can read: valid UTF-8 with no NUL (which no text file holds and every binary one does). */
function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** What the bytes are, in words for a refusal: a type we know, a program, or nothing we recognise. */
function whatTheBytesAre(bytes: Uint8Array): string {
  if (PROGRAMS.some((is) => is(bytes))) return 'a program';
  const known = (Object.keys(MAGIC) as AttachmentType[]).find((type) => MAGIC[type]!(bytes));
  return known ?? 'something else';
}

/** Whether the bytes are what `type` says. */
export function bytesMatchType(type: AttachmentType, bytes: Uint8Array): boolean {
  const magic = MAGIC[type];
  return magic ? magic(bytes) : isText(bytes);
}

/** A declared content type as the allow-list spells it (`Text/Plain; charset=utf-8` is `text/plain`), or null. */
export function attachmentTypeOf(declared: string): AttachmentType | null {
  const parsed = AttachmentTypeSchema.safeParse(declared.split(';')[0].trim().toLowerCase());
  return parsed.success ? parsed.data : null;
}

/**
 * What is wrong with the end of `name` for a file of `type`, in words, or null: an extension that is a program's,
 * or one of another allowed type. Any other ending is taken as part of the name (dates, versions: "Scan 12.03.2026").
 */
function extensionProblem(name: string, type: AttachmentType): string | null {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).trim().toLowerCase() : '';
  if (PROGRAM_EXTENSIONS.includes(extension)) return `.${extension}, a program's`;
  const another = ATTACHMENT_TYPES.some((t) => t !== type && ATTACHMENT_EXTENSIONS[t].includes(extension));
  return another ? `.${extension} (expected ${ATTACHMENT_EXTENSIONS[type].map((e) => `.${e}`).join(' or ')})` : null;
}

/**
 * Why `bytes`, named `name` and declared as `declaredType`, may not be stored, or null when they may: the name
 * (no folders or control characters; no program's extension nor another allowed type's), the size, the type's place on
 * the allow-list, and the bytes being what the type says.
 */
export function attachmentProblem(name: string, declaredType: string, bytes: Uint8Array): AttachmentProblem | null {
  const shown = JSON.stringify(name.slice(0, 200));
  const named = AttachmentNameSchema.safeParse(name);
  if (!named.success || /^\.*$/.test(name.trim())) {
    return { code: 'bad-name', message: `the file name ${shown} is not allowed: ${named.success ? 'it has no name' : named.error.issues[0].message}` };
  }
  if (bytes.length === 0) return { code: 'empty', message: `the file ${shown} is empty` };
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    return { code: 'too-large', message: `the file ${shown} is ${bytes.length} bytes; the most is ${MAX_ATTACHMENT_BYTES}` };
  }
  const type = attachmentTypeOf(declaredType);
  if (!type) {
    return { code: 'type-not-allowed', message: `the file ${shown} is of type ${JSON.stringify(declaredType.slice(0, 100))}, which is not allowed (allowed: ${AttachmentTypeSchema.options.join(', ')})` };
  }
  const misnamed = extensionProblem(name, type);
  if (misnamed !== null) return { code: 'type-mismatch', message: `the file ${shown} is declared as ${type}, but its name ends in ${misnamed}` };
  if (!bytesMatchType(type, bytes)) {
    const actual = MAGIC[type] ? whatTheBytesAre(bytes) : PROGRAMS.some((is) => is(bytes)) ? 'a program' : 'not UTF-8 text without NUL bytes';
    return { code: 'type-mismatch', message: `the file ${shown} is declared as ${type}, but its bytes are ${actual}` };
  }
  return null;
}
