import type { Case } from '../../../shared/domain';
import { getCaseWithTimeline } from '../../services/cache/queries/caseTimeline';
import { getCustomer360 } from '../../services/cache/queries/customer360';
import { inboxCursorAfter, listInbox, readInboxCursor, type InboxOwner } from '../../services/cache/queries/inbox';
import {
  listAlerts,
  listCannedResponses,
  listHeldReplies,
  listKbArticles,
  listKbArticlesById,
  listQueues,
  listStaff,
  listStores,
} from '../../services/cache/queries/reference';
import { getRow } from '../../services/cache/rows';
import { partialCasesAmong } from '../../services/cache/partialCases';
import { csatOfCases } from '../../services/cache/queries/surveyAnswers';
import { readSyncState } from '../../services/cache/syncState';
import { searchCustomers, searchInteractions } from '../../services/search/search';
import type { Db } from '../../services/cache/database';
import { withAlertCases } from '../alertCases';
import { customerNames } from '../customerNames';
import type { LiveSession } from '../liveSession';
import { EngineError } from '../engineError';
import type { Handlers, HandlerContext } from './handlerTypes';

/** Whose inbox: supervisors (scope `all`) see every queue's waiting cases, others their own queues'. */
function inboxOwner(db: Db, staffId: string): InboxOwner {
  const scope = readSyncState(db).scope;
  const queueIds = scope === null ? [] : scope.all ? listQueues(db).map((q) => q.id) : scope.queueIds;
  return { staffId, queueIds };
}

/** Cases a search finds: by id, through matching customers, and through matching messages (unique, in that order). */
function casesFound(db: Db, query: string, customerIds: readonly string[], caseIdsOfMessages: readonly string[], limit: number): Case[] {
  const byId = getRow(db, 'case', query.trim());
  const ofCustomers = customerIds.flatMap((id) => getCustomer360(db, id)?.cases ?? []);
  const ofMessages = caseIdsOfMessages.flatMap((id) => getRow(db, 'case', id) ?? []);
  const unique = new Map<string, Case>();
  for (const c of [...(byId ? [byId] : []), ...ofCustomers, ...ofMessages]) if (!unique.has(c.id)) unique.set(c.id, c);
  return [...unique.values()].slice(0, limit);
}

/**
 * Which of `caseIds` are cached in part (older history left out of the bootstrap, or a continuation view), and
 * whether their history is on its way: asked for now when the hub can be reached, else missing.
 */
function historyOf(live: LiveSession, caseIds: readonly string[]): Map<string, 'loading' | 'missing'> {
  const partial = partialCasesAmong(live.vault.db, caseIds);
  const state = partial.length > 0 && live.sync?.fetchHistory(partial) ? 'loading' : 'missing';
  return new Map(partial.map((id) => [id, state]));
}

/** Channels that read the person's cache: they work offline. */
export function readHandlers({ sessions }: HandlerContext) {
  // Reads go through the read-only connection: the writer's transactions (sync apply, outbox) never hold them up.
  const db = () => sessions.live().vault.reader;
  return {
    'inbox.list': ({ after, limit, ...filter }) => {
      const { vault } = sessions.live();
      const cursor = after === undefined ? undefined : readInboxCursor(after);
      if (cursor === null || (cursor && cursor.sort !== filter.sort)) {
        throw new EngineError('invalid-input', 'this inbox page cursor is not one of this list (its order changed): start again from the top', 'after');
      }
      // Keyset paging: the page and one more row, to tell whether more follow.
      const rows = listInbox(vault.reader, inboxOwner(vault.reader, vault.staffId), { ...filter, after: cursor, limit: limit + 1 });
      const page = rows.slice(0, limit);
      const names = customerNames(vault.reader, page.map((c) => c.customerId));
      const more = rows.length > limit;
      return {
        items: page.map((c) => ({ case: c, customerName: names.get(c.customerId) ?? null })),
        more,
        ...(more ? { next: inboxCursorAfter(filter.sort, page[page.length - 1]) } : {}),
      };
    },
    'case.view': ({ caseId }) => {
      const live = sessions.live();
      const view = getCaseWithTimeline(live.vault.db, caseId);
      if (view === null) throw new EngineError('not-found', `case ${caseId} is not on this workstation`);
      return { ...view, history: historyOf(live, [caseId]).get(caseId) ?? 'whole' };
    },
    'customer.view': ({ customerId }) => {
      const view = getCustomer360(db(), customerId);
      if (view === null) throw new EngineError('not-found', `customer ${customerId} is not on this workstation`);
      return view;
    },
    'reference.org': () => ({ queues: listQueues(db()), staff: listStaff(db()), stores: listStores(db()) }),
    'reference.knowledge': ({ language, queueId }) => ({
      kb: listKbArticles(db(), language, queueId),
      canned: listCannedResponses(db(), language),
    }),
    'reference.articles': ({ articleIds }) => listKbArticlesById(db(), articleIds),
    'alert.list': ({ statuses }) => withAlertCases(db(), listAlerts(db(), statuses)),
    'survey.answers': ({ caseIds }) => csatOfCases(db(), caseIds),
    'held.list': () => {
      const { vault } = sessions.live();
      return listHeldReplies(vault.reader, vault.staffId);
    },
    'search.query': ({ query, limit }) => {
      const d = db();
      const customers = searchCustomers(d, query, limit);
      const messages = searchInteractions(d, query, limit);
      const cases = casesFound(d, query, customers.map((c) => c.id), messages.map((m) => m.caseId), limit);
      // Found cases cached in part get their older history now, so opening one shows it whole.
      historyOf(sessions.live(), cases.map((c) => c.id));
      return { customers, cases, messages, customerNames: Object.fromEntries(customerNames(d, cases.map((c) => c.customerId))) };
    },
  } satisfies Partial<Handlers>;
}
