/** What bench/supervisor.bench.ts and its workstation processes (workstationProcess.ts) say to each other. */
import { performance } from 'node:perf_hooks';

export type WorkstationRequest = { ref: number } & (
  | { type: 'clock' }
  /** Arms a watch; answered at once. */
  | { type: 'watch'; gained: string[]; lost: string[]; timeoutMs: number }
  /** Answered when the watch `ref` of an earlier `watch` ended, with the time its inbox showed it (null if never). */
  | { type: 'shown'; watch: number }
  | { type: 'stop' }
);
/** `at`: a time on this process's clock (`wallNow`); null when the watch ended without the inbox showing it. */
export type WorkstationAnswer = { type: 'ready' } | { ref: number; at: number | null };

/** The absolute time (ms since the epoch, sub-ms) on this process's clock. */
export const wallNow = () => performance.timeOrigin + performance.now();

// Lowered from OWASP's cost: sign-in is not measured, and a dozen workstations sign in one after another.
export const BENCH_KDF = { N: 2 ** 14, r: 8, p: 1 };
