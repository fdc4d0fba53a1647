import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_INBOX_PAGE, type InputOf, type OutputOf } from '../../../shared/ipc/contract';
import { runCoalesced } from '../../lib/api/coalescedRead';
import { useApi } from '../../lib/api/useApi';
import { useEvent } from '../../lib/api/useEvent';
import { INBOX_PAGE } from './inboxQuery';

export type InboxItem = OutputOf<'inbox.list'>['items'][number];
type Query = Omit<InputOf<'inbox.list'>, 'after' | 'limit'>;

interface Pages {
  items: InboxItem[];
  /** The cursor of the page after the loaded ones; absent when nothing follows. */
  next?: string;
  loading: boolean;
}

/**
 * The inbox a page at a time with the engine's keyset cursor (`after` = the previous page's `next`): the first
 * page when the filters change, the next one on `loadMore` (the list nears its end, End, or a case opened
 * further down). A change to cases reads the rows already shown again from the top in one request, so live
 * traffic keeps them fresh without growing the list; reads never overlap (changes during one fold into one).
 */
export function useInboxPages(query: Query) {
  const api = useApi();
  const key = JSON.stringify(query);
  const [pages, setPages] = useState<Pages>({ items: [], loading: true });
  const loaded = useRef(0);
  loaded.current = pages.items.length;
  // Bumped by every read from the top: a page asked for before it belongs to an older list and is dropped.
  const generation = useRef(0);
  const flight = useRef({ running: false, again: false, key });
  const more = useRef<Promise<void> | null>(null);

  const reload = useCallback(async () => {
    const f = flight.current;
    await runCoalesced(f, async () => {
      const gen = ++generation.current;
      const limit = Math.min(MAX_INBOX_PAGE, Math.max(INBOX_PAGE, loaded.current));
      const result = await api.invoke('inbox.list', { ...(JSON.parse(key) as Query), limit });
      if (flight.current !== f || generation.current !== gen) return 'stale';
      if (result.ok) setPages({ items: result.value.items, next: result.value.next, loading: false });
      else setPages((p) => ({ ...p, loading: false }));
    });
  }, [api, key]);

  useEffect(() => {
    flight.current = { running: false, again: false, key };
    more.current = null;
    loaded.current = 0;
    setPages({ items: [], loading: true });
    void reload();
  }, [key, reload]);

  useEvent('data.changed', (c) => {
    if (c.entities.case || c.entities.customer || c.outbox) void reload();
  });

  /** Loads the page after the loaded ones (once at a time); resolves when it is in (or there is none). */
  const loadMore = useCallback(
    (limit = INBOX_PAGE): Promise<void> => {
      if (!pages.next) return Promise.resolve();
      if (more.current) return more.current;
      const gen = generation.current;
      const after = pages.next;
      more.current = api
        .invoke('inbox.list', { ...(JSON.parse(key) as Query), after, limit })
        .then((result) => {
          if (generation.current !== gen || !result.ok) return;
          setPages((p) => {
            if (p.next !== after) return p;
            const have = new Set(p.items.map((i) => i.case.id));
            return { items: [...p.items, ...result.value.items.filter((i) => !have.has(i.case.id))], next: result.value.next, loading: false };
          });
        })
        .finally(() => (more.current = null));
      return more.current;
    },
    [api, key, pages.next],
  );

  return { items: pages.items, more: pages.next !== undefined, loading: pages.loading, loadMore };
}
