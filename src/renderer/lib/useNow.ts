import { useSyncExternalStore } from 'react';

// One shared ticker for every countdown on screen: 10,000 SLA timers must not mean 10,000 intervals.
const TICK_MS = 1_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) now = Date.now();
  timer ??= setInterval(() => {
    now = Date.now();
    listeners.forEach((l) => l());
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, updated every second while some component shows it. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
