/** Where the browser host writes what went wrong: one line per failure. */
export type HostLog = (line: string) => void;

const MAX_LINE = 300;

/**
 * What was thrown, as one short line (`RangeError: Input buffers must have the same byte length`): never a
 * stack. Anyone on the machine can knock on the host; their failures must not fill the log with traces.
 */
export function describeFailure(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  } catch {
    text = `a thrown ${typeof error}`;
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_LINE);
}

/**
 * Wraps an entry point of the host (the HTTP handler, a handshake check, a socket listener) so that whatever
 * it throws, at once or in the promise it returns, becomes `refuse(...args)` and one line in the log. An error
 * escaping an entry point would be uncaught and stop the host, and anyone who can reach 127.0.0.1 could
 * trigger it.
 */
export function guard<A extends unknown[]>(
  where: string,
  log: HostLog,
  step: (...args: A) => unknown,
  refuse: (...args: A) => void,
): (...args: A) => void {
  return (...args) => {
    void new Promise((resolve) => resolve(step(...args))).catch((error: unknown) => {
      log(`browser host: ${where} failed: ${describeFailure(error)}`);
      try {
        refuse(...args);
      } catch (refusal) {
        log(`browser host: ${where} could not refuse: ${describeFailure(refusal)}`);
      }
    });
  };
}
