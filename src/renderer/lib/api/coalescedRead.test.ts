import { describe, expect, it } from 'vitest';
import { runCoalesced, type Flight } from './coalescedRead';

/** A read the test finishes by hand, counting how often it started. */
function heldRead() {
  let started = 0;
  const finishers: ((answer: 'stale' | void) => void)[] = [];
  const read = () => {
    started++;
    return new Promise<'stale' | void>((resolve) => finishers.push(resolve));
  };
  const finishNext = async (answer?: 'stale') => {
    finishers.shift()?.(answer);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { read, started: () => started, finishNext };
}

describe('runCoalesced', () => {
  it('folds every ask made while a read runs into one read afterwards', async () => {
    const f: Flight = { running: false, again: false };
    const r = heldRead();
    const first = runCoalesced(f, r.read);
    for (let i = 0; i < 5; i++) void runCoalesced(f, r.read);
    expect(r.started()).toBe(1);
    await r.finishNext();
    expect(r.started()).toBe(2);
    await r.finishNext();
    await first;
    expect(r.started()).toBe(2);
    expect(f.running).toBe(false);
  });

  it('stops when a read says its answer is stale, and runs again when asked later', async () => {
    const f: Flight = { running: false, again: false };
    const r = heldRead();
    const first = runCoalesced(f, r.read);
    void runCoalesced(f, r.read);
    await r.finishNext('stale');
    await first;
    expect(r.started()).toBe(1);
    expect(f.running).toBe(false);
    const later = runCoalesced(f, r.read);
    expect(r.started()).toBe(2);
    await r.finishNext();
    await later;
  });
});
