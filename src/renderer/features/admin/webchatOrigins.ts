import { OriginSchema, WebchatSettingsSchema } from '../../../shared/protocol';

/** Why an origin cannot be added to the list (the admin texts say each one). */
export type OriginProblem = 'invalid' | 'duplicate' | 'too-many';

/**
 * The list with one more origin, checked by the hub's own schemas (so the console refuses exactly what the hub
 * would): written as browsers send it (scheme, host and optional port; lower-cased), not already there, and
 * within the most the settings hold.
 */
export function addOrigin(list: readonly string[], typed: string): { list: string[] } | { problem: OriginProblem } {
  const origin = OriginSchema.safeParse(typed.trim());
  if (!origin.success) return { problem: 'invalid' };
  if (list.includes(origin.data)) return { problem: 'duplicate' };
  const next = [...list, origin.data];
  return WebchatSettingsSchema.safeParse({ allowedOrigins: next }).success ? { list: next } : { problem: 'too-many' };
}
