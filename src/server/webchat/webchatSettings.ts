/**
 * Where the web chat may be embedded: the origins an admin allowed (`GET`/`PUT /api/v1/admin/webchat`). Kept in
 * the store's meta, so every hub node frames and starts sessions alike. None allowed means no shop can embed it.
 */
import { WebchatSettingsSchema, type WebchatSettings } from '../../shared/protocol';
import type { StoreReads } from '../store/hubStore';

export const WEBCHAT_SETTINGS_KEY = 'webchat:settings';

export interface StoredWebchatSettings extends WebchatSettings {
  updatedAt: number | null;
}

/** The allowed origins (none until an admin sets them). */
export async function webchatSettings(store: Pick<StoreReads, 'meta'>): Promise<StoredWebchatSettings> {
  const raw = await store.meta(WEBCHAT_SETTINGS_KEY);
  if (raw === null) return { allowedOrigins: [], updatedAt: null };
  const value = JSON.parse(raw) as { allowedOrigins?: unknown; updatedAt?: unknown };
  // Written by this code; settings that no longer parse (a newer hub rolled back) allow nothing rather than crash.
  const parsed = WebchatSettingsSchema.safeParse({ allowedOrigins: value.allowedOrigins });
  return parsed.success ? { ...parsed.data, updatedAt: typeof value.updatedAt === 'number' ? value.updatedAt : null } : { allowedOrigins: [], updatedAt: null };
}
