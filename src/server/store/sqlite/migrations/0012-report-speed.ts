import type Database from 'better-sqlite3-multiple-ciphers';
import { REFRESH_ALL_WAITS } from '../../replyWaits';

/**
 * Supervisor reports at scale (a 90-day report over a million messages): each staff reply keeps its wait
 * (replyWaits.ts), filled in here for the replies before, and indexes let each figure read only what it counts:
 * the replies' waits, the messages per channel and direction, each member of staff's replies and talk time by
 * time, and the survey answers without their JSON.
 */
export const up = '';

const INDEXES = `
CREATE INDEX IF NOT EXISTS interactions_waits ON interactions (created_at, wait_ms) WHERE wait_ms IS NOT NULL;
CREATE INDEX IF NOT EXISTS interactions_staff ON interactions (author_id, created_at, case_id) WHERE direction = 'outbound';
CREATE INDEX IF NOT EXISTS interactions_talk ON interactions (author_id, created_at, talk_sec) WHERE talk_sec IS NOT NULL;
CREATE INDEX IF NOT EXISTS interactions_kind ON interactions (kind, direction, created_at);
DROP INDEX IF EXISTS csat_created;
CREATE INDEX IF NOT EXISTS csat_report ON csat (created_at, score, queue_id, case_id);
`;

export function after(db: Database.Database): void {
  // Added only where missing: running the migration again changes nothing.
  const has = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM pragma_table_info('interactions') WHERE name = 'wait_ms'").get()!.n > 0;
  if (!has) db.exec('ALTER TABLE interactions ADD COLUMN wait_ms INTEGER');
  db.exec(INDEXES);
  db.exec(REFRESH_ALL_WAITS);
}
