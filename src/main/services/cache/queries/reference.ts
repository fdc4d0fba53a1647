import { isOpenCase, type Alert, type AlertStatus, type CannedResponse, type Case, type HeldReply, type KbArticle, type Lang, type Queue, type Staff, type StoreLocation } from '../../../../shared/domain';
import { layOver, type Overlaid } from '../../outbox/overlay';
import type { Db } from '../database';
import { parseRows } from '../rows';

type DataRows = { data: string }[];
const all = <T>(db: Db, sql: string, ...params: unknown[]): T[] => parseRows<T>(db.prepare(sql).all(...params) as DataRows);

/** Every queue in scope, by name. */
export function listQueues(db: Db): Queue[] {
  return all<Queue>(db, 'SELECT data FROM queues ORDER BY name');
}

/** Every member of staff cached, by name, with my own unconfirmed status change laid over. */
export function listStaff(db: Db): Overlaid<Staff>[] {
  return layOver(db, 'staff', all<Staff>(db, 'SELECT data FROM staff ORDER BY name'));
}

/** Store locations, by name. */
export function listStores(db: Db): StoreLocation[] {
  return all<StoreLocation>(db, 'SELECT data FROM store_locations ORDER BY name');
}

/** Knowledge-base articles in a language, for one queue plus those written for every queue. */
export function listKbArticles(db: Db, language: Lang, queueId: string | null): KbArticle[] {
  return all<KbArticle>(
    db,
    'SELECT data FROM kb_articles WHERE language = ? AND (queue_id IS NULL OR queue_id = ?) ORDER BY title',
    language,
    queueId,
  );
}

/** The knowledge-base articles held of those named, in any language, by title. */
export function listKbArticlesById(db: Db, ids: readonly string[]): KbArticle[] {
  return all<KbArticle>(db, 'SELECT data FROM kb_articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY title', JSON.stringify(ids));
}

/** Canned responses in a language, by shortcut (the composer's `/` menu). */
export function listCannedResponses(db: Db, language: Lang): CannedResponse[] {
  return all<CannedResponse>(db, 'SELECT data FROM canned_responses WHERE language = ? ORDER BY shortcut', language);
}

/** Red alerts in the given states (default: not closed), newest first, with my unconfirmed handling laid over. */
export function listAlerts(db: Db, statuses: readonly AlertStatus[] = ['raised', 'acknowledged', 'follow-up']): Overlaid<Alert>[] {
  return layOver(
    db,
    'alert',
    all<Alert>(db, 'SELECT data FROM alerts WHERE status IN (SELECT value FROM json_each(?)) ORDER BY raised_at DESC', JSON.stringify(statuses)),
  );
}

/** Replies of one author that the hub holds, oldest first; one the author has just decided on leaves the list. */
export function listHeldReplies(db: Db, authorId: string): Overlaid<HeldReply>[] {
  return layOver(
    db,
    'held',
    all<HeldReply>(db, `SELECT data FROM held_replies WHERE author_id = ? AND status = 'held' ORDER BY created_at`, authorId),
  ).filter((h) => h.status === 'held');
}

/** Every knowledge-base article held (drafts too, which only supervisors and admins receive), by title. */
export function listAllKbArticles(db: Db): KbArticle[] {
  return all<KbArticle>(db, 'SELECT data FROM kb_articles ORDER BY title');
}

/** Every canned response held, in every language, by shortcut. */
export function listAllCannedResponses(db: Db): CannedResponse[] {
  return all<CannedResponse>(db, 'SELECT data FROM canned_responses ORDER BY shortcut, language');
}

/** How many open cases held here a person holds, or a queue has. */
export function countOpenCases(db: Db, of: { staffId: string } | { queueId: string }): number {
  const [column, id] = 'staffId' in of ? ['assignee_id', of.staffId] : ['queue_id', of.queueId];
  return all<Case>(db, `SELECT data FROM cases WHERE ${column} = ?`, id).filter(isOpenCase).length;
}
