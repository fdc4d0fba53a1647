import type { ReasonCode } from '../shared/protocol';

/**
 * A request or mutation refused for what it asked, not for a fault of the hub: bad input (a cursor this hub
 * never gave out), something missing, not the asker's to see, or in conflict with what is stored. The
 * surrounding transaction rolls back; the asker gets the reason code and message (and for `stale` the current
 * row); it is never logged as an internal error, and never with a stack.
 */
export class Refused extends Error {
  constructor(
    readonly reason: ReasonCode,
    message: string,
    readonly current?: unknown,
    /** For `rate-limited`: when asking again may succeed. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
