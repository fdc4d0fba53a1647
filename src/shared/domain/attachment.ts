import { z } from 'zod';

/**
 * Files customers send and agents attach (a photo of a dead pixel, a damaged parcel, an invoice). The hub keeps
 * each file once, under the SHA-256 of its bytes (content-addressed): interactions carry references only.
 */

/** Largest single file, in bytes. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Most files on one interaction. */
export const MAX_ATTACHMENTS = 10;
/** Most bytes of files on one interaction, all together (what common mail services carry in one message). */
export const MAX_MESSAGE_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** Types the hub stores; anything else is refused with a reason naming the type. */
export const ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'text/csv',
] as const;
export const AttachmentTypeSchema = z.enum(ATTACHMENT_TYPES);
export type AttachmentType = z.infer<typeof AttachmentTypeSchema>;

/** Whether a type is shown as a picture (thumbnail) rather than a file name. */
export const isImageType = (type: AttachmentType): boolean => type.startsWith('image/');

/** A file's name as shown and saved: no folders, no control characters, at most 200 characters. */
export const AttachmentNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\\/\x00-\x1f\x7f]+$/, 'a file name has no slashes or control characters');

/** One attached file as an interaction refers to it. */
export const AttachmentRefSchema = z
  .object({
    /** SHA-256 of the bytes, in hex: the file's id on the hub. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 is 64 lower-case hex digits'),
    name: AttachmentNameSchema,
    type: AttachmentTypeSchema,
    size: z.number().int().positive().max(MAX_ATTACHMENT_BYTES),
  })
  .strict();
export type AttachmentRef = z.infer<typeof AttachmentRefSchema>;

/** The files of one interaction: at most MAX_ATTACHMENTS, together at most MAX_MESSAGE_ATTACHMENT_BYTES. */
export const attachmentListSchema = <T extends z.ZodType<{ size: number }>>(item: T) =>
  z
    .array(item)
    .max(MAX_ATTACHMENTS)
    .refine((files) => files.reduce((sum, f) => sum + f.size, 0) <= MAX_MESSAGE_ATTACHMENT_BYTES, {
      message: `the files of one message are together at most ${MAX_MESSAGE_ATTACHMENT_BYTES} bytes`,
    });

/**
 * The extensions a file of each type has (the file picker offers them). A name ending in another type's is
 * refused; one ending in something unknown is not ("Scan 12.03.2026" is a name, not a type).
 */
export const ATTACHMENT_EXTENSIONS: Record<AttachmentType, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt', 'text', 'log'],
  'text/csv': ['csv'],
};

/** Extensions of programs and scripts: a file named so is refused whatever type it is declared as. */
export const PROGRAM_EXTENSIONS: readonly string[] = ['exe', 'bat', 'cmd', 'com', 'js', 'vbs', 'msi', 'scr', 'ps1', 'sh', 'jar', 'dll', 'apk', 'app'];
