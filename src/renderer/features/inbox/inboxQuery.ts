import type { InboxViewFilters, InputOf } from '../../../shared/ipc/contract';

/** The inbox's filters (what a saved view keeps): one definition, the contract's. */
export type InboxFilters = InboxViewFilters;
export type InboxScope = InboxFilters['scope'];
export type InboxSort = InboxFilters['sort'];
/** `open` is the contract's default (new, open and pending together). */
export type InboxStatus = InboxFilters['status'];

/**
 * Who is waiting on us first: `sla` orders by the reply due (shared/domain/sla.ts), nearest first, and puts the
 * cases with none due (waiting on the customer) after them.
 */
export const DEFAULT_FILTERS: InboxFilters = { channels: [], queueId: null, status: 'open', scope: 'all', sort: 'sla' };

/** Rows read at once: several screens of compact rows; more load as the list nears its end. */
export const INBOX_PAGE = 100;

/** The `inbox.list` input for the filters, without paging (the pages add `after` and `limit`). */
export function inboxQuery(f: InboxFilters): Omit<InputOf<'inbox.list'>, 'after' | 'limit'> {
  return {
    ...(f.channels.length ? { channels: f.channels } : {}),
    ...(f.queueId ? { queueIds: [f.queueId] } : {}),
    ...(f.status === 'open' ? {} : { statuses: [f.status] }),
    ...(f.scope === 'mine' ? { mine: true } : f.scope === 'unassigned' ? { unassigned: true } : {}),
    sort: f.sort,
  };
}
