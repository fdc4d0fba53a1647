import { createHash } from 'node:crypto';
import { attachmentProblem, attachmentTypeOf, type AttachmentProblem, type AttachmentRef, type Staff } from '../../shared/domain';
import type { ConnectorAttachment } from '../../shared/protocol';
import type { HubContext } from '../context';
import { canSeeCase } from '../permissions';
import { Refused } from '../refused';
import type { AttachmentHolder, StoreReads, StoreWrites } from '../store/hubStore';

/**
 * The hub's side of attachments: checking a file before it is stored, storing it once under the SHA-256 of its
 * bytes, and deciding who may read it back (people who may see a case whose timeline refers to it).
 */

/** A file refused for what it is (see attachmentProblem), with the reason naming it. */
export class AttachmentRefused extends Error {
  constructor(
    readonly problem: AttachmentProblem['code'] | 'bad-encoding',
    message: string,
  ) {
    super(message);
  }
}

/** A file checked and ready to store: its reference and its bytes. */
export interface CheckedFile {
  ref: AttachmentRef;
  bytes: Buffer;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Checks a file as it was declared (see attachmentProblem); throws AttachmentRefused naming it. */
export function checkFile(name: string, declaredType: string, bytes: Buffer): CheckedFile {
  const problem = attachmentProblem(name, declaredType, bytes);
  if (problem) throw new AttachmentRefused(problem.code, problem.message);
  return { ref: { sha256: sha256Hex(bytes), name, type: attachmentTypeOf(declaredType)!, size: bytes.length }, bytes };
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * A file a connector sent (base64 in JSON): decoded strictly, then checked like an upload; its declared size and
 * hash must be those of the bytes, so a file damaged on the way is refused instead of stored.
 */
export function checkConnectorFile(file: ConnectorAttachment, field: string): CheckedFile {
  const shown = JSON.stringify(file.name);
  if (!BASE64.test(file.data)) throw new AttachmentRefused('bad-encoding', `${field}.data: the file ${shown} is not valid base64`);
  const checked = checkFile(file.name, file.type, Buffer.from(file.data, 'base64'));
  if (checked.ref.size !== file.size) {
    throw new AttachmentRefused('bad-encoding', `${field}.size: the file ${shown} is ${checked.ref.size} bytes, not ${file.size} as declared`);
  }
  if (checked.ref.sha256 !== file.sha256) throw new AttachmentRefused('bad-encoding', `${field}.sha256: the bytes of the file ${shown} have another SHA-256`);
  return checked;
}

/** Stores a checked file (once, whoever stored it before) and records who may reach it. */
export async function storeFile(tx: StoreWrites, file: CheckedFile, holder: AttachmentHolder, now: number): Promise<AttachmentRef> {
  const { sha256, type, size } = file.ref;
  await tx.putAttachment({ sha256, type, size, at: now }, file.bytes);
  await tx.holdAttachment(sha256, holder);
  return file.ref;
}

/** Whether a person may reach a stored file: a case that refers to it is one they may see, or, with `ownUpload`, they uploaded it. */
export async function mayReach(ctx: HubContext, reads: StoreReads, staff: Staff, sha256: string, opts: { ownUpload: boolean }): Promise<boolean> {
  for (const holder of await reads.attachmentHolders(sha256)) {
    if (holder === `staff:${staff.id}` && opts.ownUpload) return true;
    if (!holder.startsWith('case:')) continue;
    const kase = await reads.get('case', holder.slice('case:'.length));
    if (kase && canSeeCase(ctx, staff, kase)) return true;
  }
  return false;
}

/**
 * Puts files an agent attaches on a case: each must be stored already, as the reference describes it (type and
 * size), and be the agent's own upload or on a case they may see; then the case refers to it. Refuses the
 * mutation (`not-found`) naming the first file that is not.
 */
export async function attachToCase(w: StoreReads & StoreWrites, ctx: HubContext, actor: Staff, caseId: string, refs: readonly AttachmentRef[]): Promise<void> {
  for (const ref of refs) {
    const stored = await w.attachment(ref.sha256);
    const reachable = stored !== null && (await mayReach(ctx, w, actor, ref.sha256, { ownUpload: true }));
    if (!stored || !reachable || stored.type !== ref.type || stored.size !== ref.size) {
      throw new Refused('not-found', `the file ${JSON.stringify(ref.name)} was not uploaded to the hub (or not by you): upload it, then send again`);
    }
    await w.holdAttachment(ref.sha256, `case:${caseId}`);
  }
}
