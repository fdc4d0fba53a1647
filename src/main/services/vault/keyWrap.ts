import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';

/** scrypt cost parameters, kept in each profile so they can be raised for new wraps later. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet: scrypt with N=2^17, r=8, p=1. */
export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** A data key encrypted with AES-256-GCM under a password-derived key (all base64). */
export interface WrappedKey {
  iv: string;
  ciphertext: string;
  tag: string;
}

const KEY_BYTES = 32;

/** A new random data key. */
export const newDataKey = (): Buffer => randomBytes(KEY_BYTES);

/** Derives the key-encryption key from a password. The caller wipes the result. */
export function deriveKek(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; Node's default cap (32 MiB) is below OWASP's 128 MiB.
  const maxmem = 2 * 128 * params.N * params.r * params.p;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...params, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/**
 * Encrypts the data key. `context` (the staff id) is authenticated with it, so a wrapped key copied into
 * another person's profile does not open.
 */
export function wrapKey(dataKey: Buffer, kek: Buffer, context: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv).setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Decrypts the data key; null when the password (hence the kek) or the context is wrong. */
export function unwrapKey(wrapped: WrappedKey, kek: Buffer, context: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'))
      .setAAD(Buffer.from(context))
      .setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}
