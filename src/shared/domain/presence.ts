import { z } from 'zod';
import { IdSchema, TimeSchema } from './enums';

/** Who has a case open, or is typing a reply to it, right now. Live only: never stored. */
export const PresenceSchema = z.object({
  caseId: IdSchema,
  staffId: IdSchema,
  name: z.string(),
  state: z.enum(['viewing', 'typing']),
  at: TimeSchema,
});
export type Presence = z.infer<typeof PresenceSchema>;

export const CALL_STATES = ['ringing', 'answered', 'ended'] as const;
export const CallStateSchema = z.enum(CALL_STATES);
export type CallState = z.infer<typeof CallStateSchema>;
