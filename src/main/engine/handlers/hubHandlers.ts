import { lookupKind } from '../../../shared/domain';
import type { ReasonCode } from '../../../shared/protocol';
import { searchCustomers } from '../../services/search/search';
import { EngineError } from '../engineError';
import type { LiveSession } from '../liveSession';
import type { Handlers, HandlerContext } from './handlerTypes';

const LOOKUP_LIMIT = 20;

/**
 * The hub's refusal reasons, as the renderer's error codes. A connection's short `rate-limited` refusals never
 * get here (the sync client waits them out); a person's lookup quota does.
 */
const REFUSAL_CODES: Partial<Record<ReasonCode, 'forbidden' | 'not-found' | 'invalid-input' | 'rate-limited' | 'conflict'>> = {
  forbidden: 'forbidden',
  conflict: 'conflict',
  unauthorized: 'forbidden',
  'not-found': 'not-found',
  invalid: 'invalid-input',
  'rate-limited': 'rate-limited',
};

type Sync = NonNullable<LiveSession['sync']>;

/** Sends a request to the hub over the live connection; refusals become EngineErrors with the nearest code. */
async function askHub<T>(live: LiveSession, ask: (sync: Sync) => Promise<T>): Promise<T> {
  const { sync } = live;
  if (sync === null || sync.state() !== 'online') throw new EngineError('offline', 'this needs the hub, and the workstation is offline');
  try {
    return await ask(sync);
  } catch (error) {
    const reason = (error as { reason?: ReasonCode }).reason;
    throw new EngineError(reason ? (REFUSAL_CODES[reason] ?? 'internal') : 'offline', (error as Error).message);
  }
}

/** Channels answered by the hub itself: store lookups beyond the cache, the audit trail, self-service figures, calls, presence. */
export function hubHandlers({ sessions }: HandlerContext) {
  return {
    'store.lookup': async ({ query, detail }) => {
      const live = sessions.live();
      const { db } = live.vault;
      const cached = searchCustomers(db, query, LOOKUP_LIMIT);
      if (cached.length > 0 || live.connection() !== 'online') return { customers: cached, source: 'cache' as const };
      // The hub finds anyone by an exact identifier, but a name only with one more detail.
      if (lookupKind(query) === 'name' && detail === undefined) {
        throw new EngineError('needs-detail', 'a name needs one more detail to be looked up beyond this workstation');
      }
      const answer = await askHub(live, (sync) => sync.request('customer:lookup', { query, ...(detail ? { detail } : {}), limit: LOOKUP_LIMIT }));
      // Kept like any synced row, so the customer's record and history work offline from now on; cases outside
      // the asker's scope come as a continuation view, fetched whole if they enter it.
      live.keepRows(answer.rows, answer.partialCaseIds);
      return { customers: answer.rows.flatMap((c) => (c.entity === 'customer' && c.data !== null ? [c.data] : [])), source: 'hub' as const };
    },
    'audit.query': (input) => askHub(sessions.live(), (sync) => sync.request('audit:query', input)),
    'supervisor.selfService': (input) => askHub(sessions.live(), (sync) => sync.request('selfservice:figures', input)),
    'supervisor.report': (input) => askHub(sessions.live(), (sync) => sync.request('report:query', input)),
    'supervisor.voc': (input) => askHub(sessions.live(), (sync) => sync.request('voc:query', input)),
    'call.respond': (input) => askHub(sessions.live(), (sync) => sync.request('call:respond', input)),
    'presence.set': async (input) => {
      const live = sessions.live();
      // Presence is live only: offline there is nobody to tell, and nothing to keep.
      if (live.connection() === 'online') await askHub(live, (sync) => sync.request('presence:set', input));
      return {};
    },
  } satisfies Partial<Handlers>;
}
