import { replyDueAt } from '../../../shared/domain';
import type { EntityName, EntityRow } from '../../../shared/protocol';

type Column = string | number | null;

/** Where an entity lives in the cache, and the columns copied out of its row for indexes. */
export interface EntityTable<E extends EntityName = EntityName> {
  table: string;
  columns: { [column: string]: (row: EntityRow<E>) => Column };
}

const table = <E extends EntityName>(t: EntityTable<E>): EntityTable<E> => t;

/** Every entity of the change feed and its table. */
export const ENTITY_TABLES: { [E in EntityName]: EntityTable<E> } = {
  customer: table<'customer'>({
    table: 'customers',
    columns: {
      name: (c) => c.name,
      loyalty_number: (c) => c.loyaltyNumber,
      merged_into: (c) => c.mergedInto,
      updated_at: (c) => c.updatedAt,
    },
  }),
  case: table<'case'>({
    table: 'cases',
    columns: {
      customer_id: (c) => c.customerId,
      queue_id: (c) => c.queueId,
      assignee_id: (c) => c.assigneeId,
      store_id: (c) => c.storeId,
      status: (c) => c.status,
      priority: (c) => c.priority,
      last_channel: (c) => c.lastChannel,
      last_inbound_at: (c) => c.lastInboundAt,
      sla_due_at: replyDueAt,
      updated_at: (c) => c.updatedAt,
    },
  }),
  interaction: table<'interaction'>({
    table: 'interactions',
    columns: { case_id: (i) => i.caseId, customer_id: (i) => i.customerId, created_at: (i) => i.createdAt },
  }),
  queue: table<'queue'>({ table: 'queues', columns: { name: (q) => q.name } }),
  staff: table<'staff'>({ table: 'staff', columns: { name: (s) => s.name } }),
  storeLocation: table<'storeLocation'>({ table: 'store_locations', columns: { name: (s) => s.name } }),
  kb: table<'kb'>({ table: 'kb_articles', columns: { queue_id: (k) => k.queueId, language: (k) => k.language, title: (k) => k.title } }),
  canned: table<'canned'>({
    table: 'canned_responses',
    columns: { queue_id: (c) => c.queueId, language: (c) => c.language, shortcut: (c) => c.shortcut },
  }),
  csat: table<'csat'>({ table: 'csat', columns: { case_id: (c) => c.caseId, created_at: (c) => c.createdAt } }),
  alert: table<'alert'>({ table: 'alerts', columns: { case_id: (a) => a.caseId, status: (a) => a.status, raised_at: (a) => a.raisedAt } }),
  held: table<'held'>({
    table: 'held_replies',
    columns: { case_id: (h) => h.caseId, author_id: (h) => h.authorId, status: (h) => h.status, created_at: (h) => h.createdAt },
  }),
  delivery: table<'delivery'>({
    table: 'deliveries',
    columns: { case_id: (d) => d.caseId, interaction_id: (d) => d.interactionId, status: (d) => d.status, updated_at: (d) => d.updatedAt },
  }),
};
