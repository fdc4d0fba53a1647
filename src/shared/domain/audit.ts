import { z } from 'zod';
import { IdSchema, TimeSchema } from './enums';

export const AUDIT_ACTIONS = [
  'case.reassign',
  'staff.status',
  'staff.capacity',
  'staff.queues',
  'staff.create',
  'customer.merge',
  'customer.lookup',
  'alert.acknowledge',
  'alert.assign',
  'alert.close',
  'auth.revoke',
  'auth.password',
  // Administration (src/server/admin): before and after of the row, never a password or secret.
  'staff.update',
  'staff.password',
  'staff.deactivate',
  'staff.reactivate',
  'queue.create',
  'queue.update',
  'queue.archive',
  'store.create',
  'store.update',
  'kb.create',
  'kb.update',
  'canned.create',
  'canned.update',
  'policy.update',
  'connector.update',
  'connector.remove',
  'mailbox.update',
  'mailbox.remove',
  'webchat.update',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** One supervisor (or admin) action: who did what to what, when, and the state before and after. */
export const AuditEntrySchema = z.object({
  id: IdSchema,
  actorId: IdSchema,
  action: AuditActionSchema,
  targetType: z.enum(['case', 'staff', 'customer', 'alert', 'queue', 'store', 'kb', 'canned', 'policy', 'connector', 'mailbox', 'webchat']),
  targetId: IdSchema,
  /** Queue and case the action concerns, for filtering. */
  queueId: IdSchema.nullable(),
  caseId: IdSchema.nullable(),
  before: z.unknown(),
  after: z.unknown(),
  at: TimeSchema,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
