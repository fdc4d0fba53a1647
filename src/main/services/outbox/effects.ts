import { caseTags, customerNotes, withTags, type Interaction } from '../../../shared/domain';
import type { Mutation } from '../../../shared/protocol';
import type { Db } from '../cache/database';
import { getRow } from '../cache/rows';
import { layOver } from './overlay';
import type { OptimisticEffect } from './outbox';

/** Who is acting, and when: optimistic rows are stamped with both. */
export interface EffectContext {
  staffId: string;
  now: number;
}

const HELD_STATUS = { resend: 'sent', note: 'noted', discard: 'discarded' } as const;

/**
 * What the agent should see at once for a mutation, before the hub answers: new timeline entries for replies,
 * notes and store visits, and patches for state changes (a retried delivery is queued again). Bulk supervisor
 * actions, merges and surveys show nothing until confirmed: their outcome depends on the hub (per-case results,
 * routing), and so do new customers (the hub gives them their id).
 */
export function optimisticEffects(db: Db, mutation: Mutation, ctx: EffectContext): OptimisticEffect[] {
  const patch = (entity: OptimisticEffect['entity'], id: string, fields: Record<string, unknown>, caseId: string | null = null): OptimisticEffect => ({
    entity,
    id,
    caseId,
    patch: fields,
    isNew: false,
  });
  const message = (caseId: string, fields: Pick<Interaction, 'kind' | 'direction' | 'text' | 'subject'>): OptimisticEffect => {
    const row: Interaction = {
      id: mutation.mutationId,
      caseId,
      customerId: getRow(db, 'case', caseId)?.customerId ?? '',
      authorId: ctx.staffId,
      externalId: null,
      meta: {},
      createdAt: ctx.now,
      ...fields,
    };
    return { entity: 'interaction', id: row.id, caseId, patch: row, isNew: true };
  };

  switch (mutation.type) {
    case 'reply':
      return [message(mutation.caseId, { kind: mutation.channel, direction: 'outbound', text: mutation.text, subject: mutation.subject ?? null })];
    case 'note':
      return [message(mutation.caseId, { kind: 'note', direction: 'internal', text: mutation.text, subject: null })];
    case 'case.update':
      return [patch('case', mutation.caseId, mutation.patch, mutation.caseId)];
    case 'case.tag': {
      // Over the case as the agent sees it, so tags added one after another offline all show.
      const kase = getRow(db, 'case', mutation.caseId);
      if (kase === null) return [];
      const shown = layOver(db, 'case', [kase])[0] ?? kase;
      return [patch('case', mutation.caseId, { tags: withTags(caseTags(shown), mutation.add, mutation.remove) }, mutation.caseId)];
    }
    case 'customer.note': {
      const customer = getRow(db, 'customer', mutation.customerId);
      if (customer === null) return [];
      const shown = layOver(db, 'customer', [customer])[0] ?? customer;
      const note = { id: mutation.mutationId, authorId: ctx.staffId, text: mutation.text, createdAt: ctx.now };
      return [patch('customer', mutation.customerId, { notes: [...customerNotes(shown), note] })];
    }
    case 'case.assign':
      return [
        patch(
          'case',
          mutation.caseId,
          'staffId' in mutation.to ? { assigneeId: mutation.to.staffId } : { queueId: mutation.to.queueId, assigneeId: null },
          mutation.caseId,
        ),
      ];
    case 'case.continueInStore':
      return [
        message(mutation.caseId, { kind: 'store', direction: 'outbound', text: mutation.text, subject: null }),
        patch('case', mutation.caseId, { storeId: mutation.storeId, assigneeId: ctx.staffId }, mutation.caseId),
      ];
    case 'customer.update':
      return [patch('customer', mutation.customerId, mutation.patch)];
    case 'held.resolve':
      return [patch('held', mutation.heldId, { status: HELD_STATUS[mutation.action], resolvedAt: ctx.now })];
    case 'delivery.retry': {
      // Back in the queue at once, so the failure and its Retry go away while the retry waits to be sent.
      const delivery = getRow(db, 'delivery', mutation.deliveryId);
      return [patch('delivery', mutation.deliveryId, { status: 'queued', lastError: null }, delivery?.caseId ?? null)];
    }
    case 'alert.acknowledge':
      return [patch('alert', mutation.alertId, { status: 'acknowledged', acknowledgedBy: ctx.staffId, acknowledgedAt: ctx.now })];
    case 'alert.assign':
      return [patch('alert', mutation.alertId, { status: 'follow-up', followUpStaffId: mutation.staffId })];
    case 'alert.close':
      return [patch('alert', mutation.alertId, { status: 'closed', result: mutation.result, outcome: mutation.outcome, closedAt: ctx.now })];
    case 'staff.setStatus':
      return [patch('staff', ctx.staffId, { status: mutation.status, statusSince: ctx.now })];
    default:
      return [];
  }
}
