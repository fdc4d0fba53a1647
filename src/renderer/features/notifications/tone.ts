import type { NoticeKind } from '../../../shared/domain/preferences';

/** Pitch per kind (Hz): an alert sounds higher than a new case, so the ear tells them apart. */
const PITCH: Record<NoticeKind, number> = { assignment: 660, alert: 988, delivery: 523, mention: 784 };
const LENGTH_S = 0.18;

let context: AudioContext | null = null;

/**
 * A short soft tone made with Web Audio (no sound files to ship). Does nothing where Web Audio is missing; the
 * one context is kept (browsers limit how many a page may open).
 */
export function playTone(kind: NoticeKind): void {
  const Context = globalThis.AudioContext as typeof AudioContext | undefined;
  if (!Context) return;
  if (!(context instanceof Context)) context = new Context();
  const now = context.currentTime;
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = PITCH[kind];
  // A quick rise and an exponential fall: no click at either end.
  gain.gain.setValueAtTime(0.0001, now);
  gain.gain.exponentialRampToValueAtTime(0.15, now + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, now + LENGTH_S);
  oscillator.connect(gain).connect(context.destination);
  oscillator.start(now);
  oscillator.stop(now + LENGTH_S);
}
