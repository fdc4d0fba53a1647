import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_INBOX_PREFERENCES, type InboxPreferences, type InputOf, type IpcResult } from '../../../shared/ipc/contract';
import { useApi } from '../../lib/api/useApi';

/** The channels that change my inbox settings: each answers the settings as they now are. */
export type PreferenceChange = 'inbox.setDensity' | 'inbox.saveView' | 'inbox.renameView' | 'inbox.deleteView';

/** My row density and saved views (kept in my cache by the engine); the defaults until they are read. */
export function useInboxPreferences() {
  const api = useApi();
  const [prefs, setPrefs] = useState<InboxPreferences>(DEFAULT_INBOX_PREFERENCES);
  useEffect(() => {
    let mounted = true;
    void api.invoke('inbox.preferences', {}).then((r) => mounted && r.ok && setPrefs(r.value));
    return () => void (mounted = false);
  }, [api]);

  const change = useCallback(
    async <C extends PreferenceChange>(channel: C, input: InputOf<C>): Promise<IpcResult<InboxPreferences>> => {
      const result = (await api.invoke(channel, input)) as IpcResult<InboxPreferences>;
      if (result.ok) setPrefs(result.value);
      return result;
    },
    [api],
  );
  return { ...prefs, change };
}
export type InboxPreferencesState = ReturnType<typeof useInboxPreferences>;
