import { powerMonitor } from 'electron';
import type { Engine } from '../engine/createEngine';

/** The idle time the engine's idle lock reads: the whole system's, so typing in another app counts as activity. */
export const systemIdleMs = (): number => powerMonitor.getSystemIdleTime() * 1_000;

/** Locks the workstation when the OS screen locks or the machine sleeps: someone else may be next at it. */
export function lockOnSleep(engine: Engine): void {
  const lock = () => void engine.invoke('auth.lock', {});
  powerMonitor.on('lock-screen', lock);
  powerMonitor.on('suspend', lock);
}
