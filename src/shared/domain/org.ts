import { z } from 'zod';
import { CountrySchema } from './country';
import { ChannelSchema, IdSchema, LangSchema, RoleSchema, StaffStatusSchema, TimeSchema, type Role } from './enums';

export const SlaPolicySchema = z.object({
  /** Minutes until the first reply is due, from the first inbound message. */
  firstResponseMinutes: z.number().int().positive().max(60 * 24 * 30),
  /** Minutes until the next reply is due, from each inbound message after a reply. */
  nextResponseMinutes: z.number().int().positive().max(60 * 24 * 30),
});
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

export const QueueSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(100),
  channels: z.array(ChannelSchema).min(1),
  languages: z.array(LangSchema).min(1),
  skills: z.array(z.string().min(1).max(40)),
  sla: SlaPolicySchema,
  /** CSAT score at or below which a red alert is raised (1-10, default 4). */
  csatAlertThreshold: z.number().int().min(1).max(10),
  /** Who receives this queue's red alerts. */
  alertStaffIds: z.array(IdSchema),
  /** Minutes an alert may stay unacknowledged before it escalates to supervisors. */
  alertAckMinutes: z.number().int().positive().max(60 * 24 * 7),
  memberIds: z.array(IdSchema),
  /**
   * Where the queue's customers live: numbers written without a country code are read as this country's.
   * Absent or null: none (rows written before countries existed lack it), and numbers must carry their code.
   */
  country: CountrySchema.nullish(),
  /** An archived queue takes no new cases and is offered nowhere; rows written before archiving existed lack it. */
  archived: z.boolean().default(false),
  version: z.number().int().positive(),
});
export type Queue = z.infer<typeof QueueSchema>;

/** How many conversations of each channel one person handles at once (e.g. 3 chats, 1 call). */
export const CapacitySchema = z.object(
  Object.fromEntries(ChannelSchema.options.map((c) => [c, z.number().int().min(0).max(50)])) as Record<
    z.infer<typeof ChannelSchema>,
    z.ZodNumber
  >,
);
export type Capacity = z.infer<typeof CapacitySchema>;

const AGENT_CAPACITY: Capacity = { chat: 3, email: 5, sms: 3, social: 3, phone: 1, video: 1, store: 1 };
/** What a person of each role handles at once unless told otherwise (the demo organisation, new staff). */
export const DEFAULT_CAPACITY: Readonly<Record<Role, Capacity>> = {
  agent: AGENT_CAPACITY,
  supervisor: AGENT_CAPACITY,
  store: { chat: 0, email: 2, sms: 2, social: 0, phone: 1, video: 1, store: 1 },
  admin: { chat: 0, email: 0, sms: 0, social: 0, phone: 0, video: 0, store: 0 },
};

/** A member of staff as everyone else may see them (no credentials). */
export const StaffSchema = z.object({
  id: IdSchema,
  username: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  role: RoleSchema,
  skills: z.array(z.string().min(1).max(40)),
  languages: z.array(LangSchema).min(1),
  capacity: CapacitySchema,
  status: StaffStatusSchema,
  statusSince: TimeSchema,
  /** Home store of store staff. */
  storeId: IdSchema.nullable(),
  /** A deactivated person cannot sign in and is routed nothing; rows written before deactivation existed lack it. */
  active: z.boolean().default(true),
  version: z.number().int().positive(),
});
export type Staff = z.infer<typeof StaffSchema>;

export const StoreLocationSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(100),
  city: z.string().min(1).max(100),
  /** The store's country: numbers written there without a country code are its numbers. Absent or null: none. */
  country: CountrySchema.nullish(),
});
export type StoreLocation = z.infer<typeof StoreLocationSchema>;
