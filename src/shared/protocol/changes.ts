import { z } from 'zod';
import {
  AlertSchema,
  CannedResponseSchema,
  CaseSchema,
  CsatResponseSchema,
  CustomerSchema,
  DeliverySchema,
  HeldReplySchema,
  InteractionSchema,
  KbArticleSchema,
  QueueSchema,
  StaffSchema,
  StoreLocationSchema,
} from '../domain';

/**
 * Every entity that travels in the change feed, with the schema of its full row.
 * A change always carries the whole row (never a diff), so applying it is an idempotent upsert.
 */
export const ENTITY_SCHEMAS = {
  queue: QueueSchema,
  staff: StaffSchema,
  storeLocation: StoreLocationSchema,
  kb: KbArticleSchema,
  canned: CannedResponseSchema,
  customer: CustomerSchema,
  case: CaseSchema,
  interaction: InteractionSchema,
  csat: CsatResponseSchema,
  alert: AlertSchema,
  held: HeldReplySchema,
  delivery: DeliverySchema,
} as const;
export type EntityName = keyof typeof ENTITY_SCHEMAS;
export const ENTITY_NAMES = Object.keys(ENTITY_SCHEMAS) as EntityName[];
export const EntityNameSchema = z.enum(ENTITY_NAMES as [EntityName, ...EntityName[]]);
export type EntityRow<E extends EntityName> = z.infer<(typeof ENTITY_SCHEMAS)[E]>;

/**
 * One entry of the hub's change log.
 * `seq` is global and strictly increasing; it is written in the same transaction as the change itself.
 * `upsert` carries the row as it is after the change; `delete` carries only the id (the row left the
 * system, e.g. a customer merged into another).
 */
export type Change = {
  [E in EntityName]:
    | { seq: number; entity: E; op: 'upsert'; id: string; data: EntityRow<E> }
    | { seq: number; entity: E; op: 'delete'; id: string; data: null };
}[EntityName];

/** Wire check of a change: entity rows are validated by their own schema where they are applied. */
export const ChangeSchema = z.object({
  seq: z.number().int().positive(),
  entity: EntityNameSchema,
  op: z.enum(['upsert', 'delete']),
  id: z.string(),
  data: z.unknown(),
});

/**
 * The version of the row schemas above, announced in the hub's `hello`. Bump it with any change to a row's shape
 * (a field added, removed, retyped, an enum widened): a workstation trusts a hub of its own version to send only
 * rows its schemas accept and checks them cheaply, and parses every row in full from a hub of another version.
 */
export const ROW_SCHEMA_VERSION = 3;

/** Parses a change and its row; throws a ZodError naming the bad field. */
export function parseChange(raw: unknown): Change {
  const base = ChangeSchema.parse(raw);
  if (base.op === 'delete') return { ...base, data: null } as Change;
  return { ...base, data: ENTITY_SCHEMAS[base.entity].parse(base.data) } as Change;
}
