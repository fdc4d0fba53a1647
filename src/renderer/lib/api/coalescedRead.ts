/** The state of one kind of read: running now, and asked again meanwhile. */
export interface Flight {
  running: boolean;
  again: boolean;
}

/**
 * Runs `read` so that it never overlaps itself: asked while it runs, it runs once more afterwards, however many
 * times it was asked (a bootstrap sends many `data.changed` in a row). `read` answers `'stale'` when its answer
 * belongs to nobody any more (the input changed meanwhile), which ends the loop.
 */
export async function runCoalesced(f: Flight, read: () => Promise<'stale' | void>): Promise<void> {
  if (f.running) {
    f.again = true;
    return;
  }
  f.running = true;
  try {
    do {
      f.again = false;
      if ((await read()) === 'stale') return;
    } while (f.again);
  } finally {
    f.running = false;
  }
}
