import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../shared/ipc/contract';
import { useApi } from '../../lib/api/useApi';
import { useEvent } from '../../lib/api/useEvent';

export type ConnectionInfo = EventPayload<'connection.changed'>;
export type SyncProgress = EventPayload<'sync.progress'>;
export type OfflineReadiness = EventPayload<'offline.readiness'>;

/**
 * The link to the hub, unsent count and last sync (from `connection.changed`; null until known), sync progress
 * while it runs, and readiness for offline work (null until known).
 */
export function useConnection(): { connection: ConnectionInfo | null; progress: SyncProgress | null; readiness: OfflineReadiness | null } {
  const api = useApi();
  const [connection, setConnection] = useState<ConnectionInfo | null>(null);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [readiness, setReadiness] = useState<OfflineReadiness | null>(null);

  // The events only report changes: the state at mount is asked for. An announcement that came meanwhile is
  // newer than the answer.
  useEffect(() => {
    let live = true;
    void api.invoke('connection.current', {}).then((r) => {
      if (live && r.ok) setConnection((known) => known ?? r.value);
    });
    void api.invoke('workstation.info', {}).then((r) => {
      if (live && r.ok) setReadiness((known) => known ?? r.value.readiness);
    });
    return () => {
      live = false;
    };
  }, [api]);
  useEvent('connection.changed', setConnection);
  useEvent('sync.progress', (p) => setProgress(p.percent >= 100 ? null : p));
  useEvent('offline.readiness', setReadiness);

  return { connection, progress, readiness };
}
