/** Timing rules of the frame: what the visitor types is looked up and announced sparingly. Pure, timers injected. */

export interface Timers {
  now(): number;
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const browserTimers: Timers = {
  now: () => Date.now(),
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Calls `fn` once input has paused for `ms` (the latest value only). */
export function debounce<T>(fn: (value: T) => void, ms: number, timers: Timers = browserTimers) {
  let handle: unknown = null;
  return {
    push(value: T) {
      if (handle !== null) timers.clear(handle);
      handle = timers.set(() => {
        handle = null;
        fn(value);
      }, ms);
    },
    cancel() {
      if (handle !== null) timers.clear(handle);
      handle = null;
    },
  };
}

/**
 * "The visitor is typing", told to the hub: on the first keystroke, again at most every `refreshMs` while typing
 * goes on, and "stopped" after `idleMs` without a keystroke or when the message is sent.
 */
export function typingSignal(tell: (typing: boolean) => void, { refreshMs = 3_000, idleMs = 4_000 } = {}, timers: Timers = browserTimers) {
  let toldAt: number | null = null;
  let idle: unknown = null;
  const stop = () => {
    if (idle !== null) timers.clear(idle);
    idle = null;
    if (toldAt === null) return;
    toldAt = null;
    tell(false);
  };
  return {
    keystroke() {
      const now = timers.now();
      if (toldAt === null || now - toldAt >= refreshMs) {
        toldAt = now;
        tell(true);
      }
      if (idle !== null) timers.clear(idle);
      idle = timers.set(stop, idleMs);
    },
    stop,
  };
}
