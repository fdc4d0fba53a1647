import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../shared/ipc/contract';
import { useApi } from '../../lib/api/useApi';
import { useEvent } from '../../lib/api/useEvent';

export type ConnectionInfo = EventPayload<'connection.changed'>;
export type SyncProgress = EventPayload<'sync.progress'>;

/** The link to the hub, unsent count and last sync (from `connection.changed`), plus sync progress while it runs. */
export function useConnection(): { connection: ConnectionInfo; progress: SyncProgress | null } {
  const api = useApi();
  const [connection, setConnection] = useState<ConnectionInfo>({ state: 'reconnecting', lastSyncAt: null, unsent: 0 });
  const [progress, setProgress] = useState<SyncProgress | null>(null);

  // The event only reports changes: the state at mount comes from the workstation's info.
  useEffect(() => {
    let live = true;
    void api.invoke('workstation.info', {}).then((r) => {
      if (live && r.ok) setConnection((c) => ({ ...c, state: r.value.connection }));
    });
    return () => {
      live = false;
    };
  }, [api]);
  useEvent('connection.changed', setConnection);
  useEvent('sync.progress', (p) => setProgress(p.percent >= 100 ? null : p));

  return { connection, progress };
}
