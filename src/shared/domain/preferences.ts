import { z } from 'zod';
import type { STAFF_STATUSES } from './enums';

// A person's own workstation preferences, kept in their encrypted cache by the engine (never sent to the hub).

/** The kinds of notice the workstation raises; each has its own sound and OS-notification switch. */
export const NOTICE_KINDS = ['assignment', 'alert', 'delivery', 'mention'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

const KindSettingsSchema = z.object({ sound: z.boolean(), os: z.boolean() }).strict();
export type NoticeKindSettings = z.infer<typeof KindSettingsSchema>;

export const NotificationSettingsSchema = z
  .object({
    assignment: KindSettingsSchema,
    alert: KindSettingsSchema,
    delivery: KindSettingsSchema,
    // Added after the first release of these settings: what a person saved before reads as the default.
    mention: KindSettingsSchema.default({ sound: true, os: true }),
  })
  .strict() satisfies z.ZodType<Record<NoticeKind, NoticeKindSettings>>;
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

/** Until a person chooses: everything on (a new case or a red alert must not go unnoticed). */
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  assignment: { sound: true, os: true },
  alert: { sound: true, os: true },
  delivery: { sound: true, os: true },
  mention: { sound: true, os: true },
};

/** Statuses a person sets for themselves; "offline" is set for them (a supervisor, deactivation). */
export const OWN_STATUSES = ['available', 'busy', 'away'] as const satisfies readonly (typeof STAFF_STATUSES)[number][];
export const OwnStatusSchema = z.enum(OWN_STATUSES);
export type OwnStatus = z.infer<typeof OwnStatusSchema>;
export const isOwnStatus = (s: string): s is OwnStatus => (OWN_STATUSES as readonly string[]).includes(s);
