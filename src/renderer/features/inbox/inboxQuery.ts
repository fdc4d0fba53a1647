import type { CaseStatus, Channel } from '../../../shared/domain';
import { MAX_INBOX_PAGE, type InputOf } from '../../../shared/ipc/contract';

/** Whose cases: everything the inbox holds, mine only, or unassigned ones waiting in my queues. */
export type InboxScope = 'all' | 'mine' | 'unassigned';
export type InboxSort = 'waiting' | 'sla' | 'updated';
/** `open` is the contract's default (new, open and pending together). */
export type InboxStatus = 'open' | CaseStatus;

export interface InboxFilters {
  channels: Channel[];
  queueId: string | null;
  status: InboxStatus;
  scope: InboxScope;
  sort: InboxSort;
  /** Only cases with this tag (case and accents ignored); empty: any. */
  tag: string;
}

export const DEFAULT_FILTERS: InboxFilters = { channels: [], queueId: null, status: 'open', scope: 'all', sort: 'waiting', tag: '' };

/** The `inbox.list` input for the filters: one page as large as the contract allows (the list is virtual). */
export function inboxQuery(f: InboxFilters): InputOf<'inbox.list'> {
  return {
    ...(f.channels.length ? { channels: f.channels } : {}),
    ...(f.queueId ? { queueIds: [f.queueId] } : {}),
    ...(f.status === 'open' ? {} : { statuses: [f.status] }),
    ...(f.scope === 'mine' ? { mine: true } : f.scope === 'unassigned' ? { unassigned: true } : {}),
    ...(f.tag.trim() ? { tag: f.tag.trim() } : {}),
    sort: f.sort,
    limit: MAX_INBOX_PAGE,
  };
}
