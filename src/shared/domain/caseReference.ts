/**
 * The case reference people see in an email's subject ("Dead pixel [#K3F9Z2A]"): a short tag derived from the
 * case id, so that a reply whose mail program dropped the threading headers still finds its case. It is matched
 * only against the sender's own cases, so seven characters tell them apart; it is not a secret and grants
 * nothing.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford's base 32: no I, L, O or U to misread.
const LENGTH = 7;
const IN_SUBJECT = /\[#([0-9A-Z]{7})\]/i;

/** The reference of a case, e.g. "K3F9Z2A" (FNV-1a of the id in base 32). */
export function caseReference(caseId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < caseId.length; i++) {
    hash ^= caseId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let out = '';
  for (let i = 0; i < LENGTH; i++) {
    out = ALPHABET[hash % 32] + out;
    hash = Math.floor(hash / 32);
  }
  return out;
}

/** A subject with the case's reference at its end (once: a subject already carrying it is kept as it is). */
export function withCaseReference(subject: string, caseId: string): string {
  const tag = `[#${caseReference(caseId)}]`;
  return subject.includes(tag) ? subject : `${subject} ${tag}`.trim();
}

/** The case reference a subject carries (upper-cased), or null. */
export function referenceInSubject(subject: string): string | null {
  return IN_SUBJECT.exec(subject)?.[1].toUpperCase() ?? null;
}

/** A subject without its case reference (what a new case made from it is called). */
export const subjectWithoutReference = (subject: string): string => subject.replace(IN_SUBJECT, '').replace(/\s{2,}/g, ' ').trim();
