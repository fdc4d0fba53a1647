import { useEffect, useSyncExternalStore } from 'react';
import type { CasePreview } from './casePreview';
import type { PreviewStore } from './createPreviewStore';

/** The row's preview, loading it while the row is on screen (virtualised rows mount only when visible). */
export function useCasePreview(store: PreviewStore, caseId: string, stamp: number): CasePreview | null {
  useEffect(() => store.ensure(caseId, stamp), [store, caseId, stamp]);
  return useSyncExternalStore(store.subscribe, () => store.peek(caseId));
}
