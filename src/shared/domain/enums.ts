import { z } from 'zod';

/** Languages the product speaks: staff UI, customers, knowledge base. */
export const LANGS = ['en', 'pl', 'el'] as const;
export const LangSchema = z.enum(LANGS);
export type Lang = z.infer<typeof LangSchema>;

/** Every channel a customer can reach us through. `store` is an in-store visit. */
export const CHANNELS = ['chat', 'email', 'phone', 'video', 'social', 'sms', 'store'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

export const CASE_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const PrioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof PrioritySchema>;

export const ROLES = ['agent', 'store', 'supervisor', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const STAFF_STATUSES = ['available', 'busy', 'away', 'offline'] as const;
export const StaffStatusSchema = z.enum(STAFF_STATUSES);
export type StaffStatus = z.infer<typeof StaffStatusSchema>;

/** Roles allowed to run supervisor actions (reassignment, staff changes, merges). */
export const SUPERVISING_ROLES: readonly Role[] = ['supervisor', 'admin'];
export const isSupervising = (role: Role): boolean => SUPERVISING_ROLES.includes(role);

/** Ids are opaque strings chosen by the hub (or by the workstation for mutation ids). */
export const IdSchema = z.string().min(1).max(64).regex(/^[^\p{Cc}\p{Cs}]+$/u, 'an id has no control characters');

/**
 * A key or term the hub looks things up by (a connector's message id, a call id, a search): text without
 * control characters (NUL among them: no database stores it in text) or lone surrogates.
 */
export const KeySchema = (max: number) => z.string().min(1).max(max).regex(/^[^\p{Cc}\p{Cs}]+$/u, 'no control characters');
/** All times are epoch milliseconds (UTC). */
export const TimeSchema = z.number().int().nonnegative();
