import { format } from 'node:util';
import { vi } from 'vitest';

/**
 * What a fuzz run leaves behind in this process: every console.error and console.warn line (kept, not printed)
 * and every uncaught exception or unhandled rejection. `stop()` lets go of the process hooks; the console spies
 * go with `vi.restoreAllMocks()`.
 */
export function watchProcess() {
  const logged: string[] = [];
  const escaped: unknown[] = [];
  const onEscape = (error: unknown) => void escaped.push(error);
  process.on('uncaughtException', onEscape);
  process.on('unhandledRejection', onEscape);
  for (const method of ['error', 'warn'] as const) vi.spyOn(console, method).mockImplementation((...args) => void logged.push(format(...args)));
  return {
    logged,
    escaped,
    /** Lines that look like part of a stack trace. */
    stackLines: () => logged.join('\n').match(/^\s+at .*$/gm) ?? [],
    stop(): void {
      process.off('uncaughtException', onEscape);
      process.off('unhandledRejection', onEscape);
    },
  };
}
