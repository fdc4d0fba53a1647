import type { ReasonCode } from '../shared/protocol';

/**
 * A request refused for what it asked, not for a fault of the hub: bad input (a cursor this hub never gave
 * out), something missing, or not the asker's to see. Answered with its reason and message, logged without a
 * stack, and never counted as an internal error.
 */
export class RequestError extends Error {
  constructor(
    readonly reason: Extract<ReasonCode, 'not-found' | 'forbidden' | 'unauthorized' | 'invalid' | 'rate-limited'>,
    message: string,
  ) {
    super(message);
  }
}
