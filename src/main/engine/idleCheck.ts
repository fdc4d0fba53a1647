/**
 * How often the idle lock is checked unless told otherwise: by the engine's own timer, or by a host that reads
 * the OS idle time and runs the timer itself (engineProxy.ts). Its own module, so that a host holding only the
 * proxy does not load the engine.
 */
export const DEFAULT_IDLE_CHECK_MS = 15_000;
