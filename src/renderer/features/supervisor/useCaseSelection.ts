import { useCallback, useMemo, useState } from 'react';

/**
 * Which of the listed cases are selected. "Select all" takes every case the filter lets through (not only
 * those drawn on screen); cases that leave the list leave the selection.
 */
export function useCaseSelection(listed: readonly string[]) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const selected = useMemo(() => listed.filter((id) => picked.has(id)), [listed, picked]);
  const toggle = useCallback((id: string) => setPicked((s) => {
    const next = new Set(s);
    if (!next.delete(id)) next.add(id);
    return next;
  }), []);
  const all = selected.length > 0 && selected.length === listed.length;
  const toggleAll = useCallback(() => setPicked(all ? new Set() : new Set(listed)), [all, listed]);
  const clear = useCallback(() => setPicked(new Set()), []);
  return { selected, isSelected: (id: string) => picked.has(id), toggle, toggleAll, all, some: selected.length > 0 && !all, clear };
}
