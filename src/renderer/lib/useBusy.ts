import { useState } from 'react';

/**
 * Whether an action a person started is still under way, and `act(work)`, a click handler that runs `work` with
 * the flag set (the buttons it disables cannot send the same request twice).
 */
export function useBusy(): { busy: boolean; act: (work: () => Promise<unknown>) => () => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const act = (work: () => Promise<unknown>) => async () => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  return { busy, act };
}
