/**
 * The store's database could not be reached, or the connection was lost, so the store call failed for a fault of the
 * infrastructure rather than of what it asked: asking again later may succeed (the store connects again).
 * For a write, `outcome` says what became of it: `rolled-back` (nothing of it was written) or, when the connection
 * was lost while COMMIT was on its way, `unknown` (it may have committed: retry only what is idempotent, such as
 * a mutation with its mutationId).
 */
export class StoreUnavailable extends Error {
  readonly retryable = true;
  constructor(
    message: string,
    readonly outcome: 'rolled-back' | 'unknown',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreUnavailable';
  }
}
