import { useCallback, useState, type KeyboardEvent } from 'react';

/** Keys that move through a list: arrows and j/k (as in mail clients), Home/End, Page Up/Down. */
const PAGE = 10;

/**
 * Keyboard movement for a list of `count` rows: returns the active index and a keydown handler that moves it
 * (calling `onMove` so a virtual list can scroll to it) and opens the active row on Enter.
 */
export function useListKeyboard(count: number, onOpen: (index: number) => void, onMove: (index: number) => void) {
  const [active, setActive] = useState(0);
  const clamped = Math.min(active, Math.max(0, count - 1));

  const move = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(count - 1, index));
      setActive(next);
      onMove(next);
    },
    [count, onMove],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || count === 0) return;
    const step: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, PageDown: PAGE, PageUp: -PAGE };
    if (e.key in step) move(clamped + step[e.key]);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(count - 1);
    else if (e.key === 'Enter') onOpen(clamped);
    else return;
    e.preventDefault();
  };

  return { active: clamped, setActive, onKeyDown };
}
