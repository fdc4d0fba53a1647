import type Database from 'better-sqlite3-multiple-ciphers';
import type { Case, Interaction, Queue } from '../../../../shared/domain';
import type { CsatResponse } from '../../../../shared/domain/voice';
import { caseReportColumns, csatReportColumns, firstResponseDueOf, interactionReportColumns } from '../../reportColumns';

/**
 * Supervisor reports (src/server/reports): the columns their queries filter and count on (see reportColumns.ts),
 * derived from each row, and indexes over the periods they read. A case's first-reply deadline was nulled in the
 * row once answered: rows from before take it as the row has it, else as set at creation (created_at plus the
 * queue's first-response minutes).
 */
export const up = '';

/** The new columns, added only where missing: running the migration again changes nothing (the refold test rewinds the version past it). */
const COLUMNS: ReadonlyArray<[table: string, column: string, definition: string]> = [
  ['cases', 'resolved_at', 'INTEGER'],
  ['cases', 'first_responded_at', 'INTEGER'],
  ['cases', 'first_response_due', 'INTEGER'],
  ['cases', 'channel_count', 'INTEGER NOT NULL DEFAULT 1'],
  ['cases', 'channel_set', "TEXT NOT NULL DEFAULT ''"],
  ['cases', 'origin_channel', "TEXT NOT NULL DEFAULT ''"],
  ['interactions', 'kind', "TEXT NOT NULL DEFAULT ''"],
  ['interactions', 'direction', "TEXT NOT NULL DEFAULT ''"],
  ['interactions', 'author_id', 'TEXT'],
  ['interactions', 'customer_id', "TEXT NOT NULL DEFAULT ''"],
  ['interactions', 'talk_sec', 'INTEGER'],
  ['interactions', 'negative', 'INTEGER'],
  ['csat', 'created_at', 'INTEGER NOT NULL DEFAULT 0'],
  ['csat', 'score', 'INTEGER NOT NULL DEFAULT 0'],
  ['csat', 'queue_id', "TEXT NOT NULL DEFAULT ''"],
];

const INDEXES = `
-- Covering what a report reads of the cases of a period (and the queue, agent and store it may filter on), so it
-- never reads the rows' JSON.
CREATE INDEX IF NOT EXISTS cases_created ON cases (created_at, first_responded_at, first_response_due, channel_count, origin_channel, queue_id, assignee_id, store_id);
CREATE INDEX IF NOT EXISTS cases_resolved ON cases (resolved_at, created_at, assignee_id, queue_id, store_id) WHERE resolved_at IS NOT NULL;
-- What a report reads of the messages of a period, without the rows' JSON.
CREATE INDEX IF NOT EXISTS interactions_report ON interactions (created_at, direction, kind, case_id, customer_id, author_id, negative, talk_sec);
-- A reply's wait: the customer messages since the reply before it, on its case.
CREATE INDEX IF NOT EXISTS interactions_reply ON interactions (case_id, direction, created_at, author_id);
CREATE INDEX IF NOT EXISTS csat_created ON csat (created_at);
CREATE INDEX IF NOT EXISTS surveys_sent ON surveys (sent_at);
`;

const PAGE = 1_000;

/** Writes each row's derived columns (named by what `columns` returns), a page of ids at a time. */
function rederive<T>(db: Database.Database, table: string, columns: (row: T) => object): void {
  const page = db.prepare<[string, number], { id: string; data: string }>(`SELECT id, data FROM ${table} WHERE id > ? ORDER BY id LIMIT ?`);
  let update: Database.Statement | undefined;
  for (let after = '', rows = page.all(after, PAGE); rows.length > 0; rows = page.all(after, PAGE)) {
    for (const r of rows) {
      const values = columns(JSON.parse(r.data) as T);
      update ??= db.prepare(`UPDATE ${table} SET ${Object.keys(values).map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`);
      update.run({ ...values, id: r.id });
    }
    after = rows[rows.length - 1].id;
  }
}

export function after(db: Database.Database): void {
  for (const [table, column, definition] of COLUMNS) {
    const has = db.prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM pragma_table_info(?) WHERE name = ?').get(table, column)!.n > 0;
    if (!has) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  }
  db.exec(INDEXES);
  const firstResponseMinutes = new Map(
    db.prepare<[], { id: string; data: string }>('SELECT id, data FROM queues').all().map((q) => [q.id, (JSON.parse(q.data) as Queue).sla.firstResponseMinutes]),
  );
  const caseColumns = (c: Case) => ({ ...caseReportColumns(c), first_response_due: firstResponseDueOf(c, firstResponseMinutes.get(c.queueId)) });
  rederive(db, 'cases', caseColumns);
  rederive<Interaction>(db, 'interactions', interactionReportColumns);
  rederive<CsatResponse>(db, 'csat', csatReportColumns);
}
