import type { ConnectionInfo, SyncProgress } from './useConnection';

/** What the status bar says of the link to the hub: live, catching up (how far), or offline since when. */
export type LinkState =
  | { kind: 'live' }
  | { kind: 'catching-up'; percent: number | null }
  | { kind: 'offline'; since: number; reconnecting: boolean };

/**
 * Live once the cache has caught up since the link last came up; before that it is catching up with what
 * happened meanwhile (the sync's own progress, when it reports one; building the search index is not syncing).
 */
export function linkState(connection: ConnectionInfo, progress: SyncProgress | null): LinkState {
  if (connection.state !== 'online') return { kind: 'offline', since: connection.since, reconnecting: connection.state === 'reconnecting' };
  if (connection.lastSyncAt !== null && connection.lastSyncAt >= connection.since) return { kind: 'live' };
  return { kind: 'catching-up', percent: progress && progress.phase !== 'index' ? progress.percent : null };
}
