import { MAX_ATTACHMENT_BYTES } from '../../shared/domain';

/** What one person may upload: a burst of files and bytes, refilled at a steady rate. */
export interface UploadLimits {
  files: { capacity: number; perSecond: number };
  bytes: { capacity: number; perSecond: number };
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  // Ten files at once (a full reply), then one every two seconds.
  files: { capacity: 10, perSecond: 0.5 },
  // Five full-size files at once, then 1 MiB a second.
  bytes: { capacity: 5 * MAX_ATTACHMENT_BYTES, perSecond: 1024 * 1024 },
};

/** People tracked before those whose budget is full again are forgotten. */
const TRACKED = 10_000;

/**
 * Per-person upload budgets on this hub node (token buckets of files and bytes). `take` answers null when the
 * upload may go ahead (and spends it), else how long to wait in ms.
 */
export function createUploadRate(limits: UploadLimits, now: () => number) {
  const state = new Map<string, { files: number; bytes: number; at: number }>();
  const refill = (key: string) => {
    const t = now();
    const s = state.get(key) ?? { files: limits.files.capacity, bytes: limits.bytes.capacity, at: t };
    const seconds = (t - s.at) / 1000;
    s.files = Math.min(limits.files.capacity, s.files + seconds * limits.files.perSecond);
    s.bytes = Math.min(limits.bytes.capacity, s.bytes + seconds * limits.bytes.perSecond);
    s.at = t;
    return s;
  };
  const forgetFull = () => {
    for (const [key, s] of state) if (refill(key).files >= limits.files.capacity && s.bytes >= limits.bytes.capacity) state.delete(key);
  };
  return {
    take(staffId: string, bytes: number): number | null {
      if (state.size >= TRACKED) forgetFull();
      const s = refill(staffId);
      state.set(staffId, s);
      if (s.files < 1 || s.bytes < bytes) {
        const waitFiles = s.files < 1 ? (1 - s.files) / limits.files.perSecond : 0;
        const waitBytes = s.bytes < bytes ? (bytes - s.bytes) / limits.bytes.perSecond : 0;
        return Math.ceil(Math.max(waitFiles, waitBytes) * 1000);
      }
      s.files -= 1;
      s.bytes -= bytes;
      return null;
    },
  };
}
export type UploadRate = ReturnType<typeof createUploadRate>;
