import type { WorkstationApi } from '../../../shared/ipc/contract';
import { casePreview, type CasePreview } from './casePreview';

/** How many previews stay in memory: several screens of rows, not the whole 10,000-row inbox. */
const KEEP = 500;

/**
 * Previews of inbox rows, loaded only for the rows on screen (the inbox channel does not carry the last
 * message, so each comes from `case.view`). Keyed by case and its `updatedAt`: a new message changes the case,
 * so its row loads a fresh preview while the old one shows meanwhile. One store per signed-in person.
 */
export function createPreviewStore(api: WorkstationApi) {
  const entries = new Map<string, { stamp: number; preview: CasePreview | null }>();
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());

  async function load(caseId: string, stamp: number) {
    const previous = entries.get(caseId)?.preview ?? null;
    // Re-inserted so the Map's order is least recently asked first, and the oldest go when it is full.
    entries.delete(caseId);
    entries.set(caseId, { stamp, preview: previous });
    while (entries.size > KEEP) entries.delete(entries.keys().next().value as string);
    const result = await api.invoke('case.view', { caseId });
    const now = entries.get(caseId);
    if (!now || now.stamp !== stamp || !result.ok) return;
    entries.set(caseId, { stamp, preview: casePreview(result.value.timeline) });
    notify();
  }

  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** The preview held for a case (maybe of an older version while a fresh one loads). */
    peek: (caseId: string): CasePreview | null => entries.get(caseId)?.preview ?? null,
    /** Loads the preview of this version of the case unless it is loaded or on its way. */
    ensure(caseId: string, stamp: number): void {
      const entry = entries.get(caseId);
      if (!entry || entry.stamp < stamp) void load(caseId, stamp);
    },
  };
}
export type PreviewStore = ReturnType<typeof createPreviewStore>;
