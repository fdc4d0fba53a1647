import { advancesTo, auditExcerpt, SYSTEM_ACTOR_ID, type Delivery, type DeliveryStatus } from '../../shared/domain';
import type { DeliveryFailed } from '../../shared/protocol';
import { keys } from '../audience';
import { appendTrail } from '../auditTrail';
import type { UnitOfWork } from '../context';

/**
 * What becomes of a delivery: each function takes the delivery as it stands in the unit of work that changes it
 * (read there, so two hub nodes or a worker and a receipt never overwrite each other) and saves the next state.
 */

const settled = (d: Delivery, patch: Partial<Delivery>, now: number): Delivery => ({ ...d, ...patch, updatedAt: now, version: d.version + 1 });

/** The channel took it: `sent`, with its id of the message when it gave one. */
export async function markSent(w: UnitOfWork, d: Delivery, providerMessageId: string | null): Promise<Delivery> {
  const next = settled(d, { status: 'sent', nextAttemptAt: null, lastError: null, providerMessageId: providerMessageId ?? d.providerMessageId }, w.ctx.now());
  await w.save('delivery', next);
  return next;
}

/** A transient failure with attempts left: queued again for `nextAttemptAt`, with the reason kept for people. */
export async function markRetry(w: UnitOfWork, d: Delivery, error: string, nextAttemptAt: number): Promise<Delivery> {
  const next = settled(d, { status: 'queued', nextAttemptAt, lastError: clip(error) }, w.ctx.now());
  await w.save('delivery', next);
  return next;
}

/**
 * The delivery gave up (a permanent failure, the last attempt, or the channel reporting it failed): `failed`, an
 * internal note on the case saying what did not reach the customer and why, and a `delivery:failed` event to its
 * author and the case's owner once this unit of work commits. The trail records it as the hub's doing
 * (SYSTEM_ACTOR_ID): the worker's last attempt or the channel's receipt, not a person, gave up.
 */
export async function markFailed(w: UnitOfWork, d: Delivery, error: string): Promise<Delivery> {
  const { ctx } = w;
  const now = ctx.now();
  const next = settled(d, { status: 'failed', nextAttemptAt: null, lastError: clip(error) }, now);
  await w.save('delivery', next);
  const kase = await w.get('case', d.caseId);
  await appendTrail(w, SYSTEM_ACTOR_ID, 'delivery.failed', { targetType: 'delivery', targetId: d.id, queueId: kase?.queueId ?? null, caseId: d.caseId },
    { status: d.status }, { status: next.status, channel: d.channel, purpose: d.purpose, attempts: next.attempts, error: auditExcerpt(next.lastError ?? '') });
  if (!kase) return next;
  await w.save('interaction', {
    id: ctx.newId('int'),
    caseId: d.caseId,
    customerId: d.customerId,
    kind: 'note',
    direction: 'internal',
    text: failureNote(next),
    subject: null,
    authorId: null,
    externalId: null,
    meta: {},
    createdAt: now,
  });
  const told = [d.authorId, kase.assigneeId].filter((id): id is string => id !== null).map(keys.staff);
  const event: DeliveryFailed = { deliveryId: d.id, caseId: d.caseId, interactionId: d.interactionId, channel: d.channel, error: next.lastError ?? '' };
  if (told.length > 0) w.emit([...new Set(told)], 'delivery:failed', event);
  return next;
}

/** The internal note a failed delivery leaves on its case, for staff. */
export function failureNote(d: Delivery): string {
  const what = d.purpose === 'survey' ? 'The survey' : 'A reply';
  const tries = d.attempts === 1 ? 'after 1 attempt' : `after ${d.attempts} attempts`;
  return `${what} sent by ${d.channel} to ${d.to.value} did not reach the customer (${tries}): ${d.lastError ?? 'no reason given'}. Retry it, or answer on another channel.`;
}

/**
 * A later state a channel reported (delivered, read, failed): applied when it moves the delivery forward (see
 * advancesTo), else nothing changes. Returns whether it changed.
 */
export async function applyReceipt(w: UnitOfWork, d: Delivery, status: Extract<DeliveryStatus, 'delivered' | 'read' | 'failed'>, error: string | undefined): Promise<boolean> {
  if (!advancesTo(d.status, status)) return false;
  if (status === 'failed') await markFailed(w, d, error ?? 'the channel reported that it could not deliver the message');
  else await w.save('delivery', settled(d, { status, nextAttemptAt: null }, w.ctx.now()));
  return true;
}

const clip = (s: string) => (s.length > 1_000 ? `${s.slice(0, 999)}…` : s);
