import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { globalListKey } from './globalListKeys';

/** Rows Page Up/Down move by. */
const PAGE = 10;

/**
 * Keyboard movement for a list of rows known by id: returns the active index and a keydown handler for the
 * list itself (arrows and j/k, Home/End, Page Up/Down, Enter opens), and listens to j/k/Enter from anywhere
 * in the workspace outside text fields (globalListKeys.ts). The active row is kept by id, so rows arriving
 * above it (live traffic) do not move the selection to another case. `onMove` lets a virtual list scroll to it.
 */
export function useListKeyboard(ids: readonly string[], onOpen: (index: number) => void, onMove: (index: number) => void) {
  const count = ids.length;
  const [active, setActiveState] = useState<{ id: string | null; index: number }>({ id: null, index: 0 });
  const found = active.id === null ? -1 : ids.indexOf(active.id);
  const clamped = found >= 0 ? found : Math.min(active.index, Math.max(0, count - 1));

  const setActive = useCallback((index: number) => setActiveState({ id: ids[index] ?? null, index }), [ids]);
  const move = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(count - 1, index));
      setActive(next);
      onMove(next);
    },
    [count, onMove, setActive],
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

  // The document listener reads the newest state through a ref: it is added once.
  const latest = useRef({ clamped, count, move, onOpen });
  useEffect(() => {
    latest.current = { clamped, count, move, onOpen };
  });
  useEffect(() => {
    const listener = (e: globalThis.KeyboardEvent) => {
      const action = globalListKey(e);
      const { clamped: at, count: n, move: go, onOpen: open } = latest.current;
      if (action === null || n === 0) return;
      if (action === 'open') open(at);
      else go(at + (action === 'next' ? 1 : -1));
      e.preventDefault();
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  return { active: clamped, setActive, onKeyDown };
}
