import type pg from 'pg';
import { REFRESH_ALL_WAITS } from '../../replyWaits';
import { query } from '../run';

/**
 * Supervisor reports at scale, as the SQLite schema's migration 0012: each staff reply keeps its wait
 * (replyWaits.ts), filled in here for the replies before, and indexes let each figure read only what it counts.
 */
export const up = `
ALTER TABLE interactions ADD COLUMN IF NOT EXISTS wait_ms bigint;
CREATE INDEX IF NOT EXISTS interactions_waits ON interactions (created_at) INCLUDE (wait_ms) WHERE wait_ms IS NOT NULL;
CREATE INDEX IF NOT EXISTS interactions_staff ON interactions (author_id, created_at) INCLUDE (case_id) WHERE direction = 'outbound';
CREATE INDEX IF NOT EXISTS interactions_talk ON interactions (author_id, created_at) INCLUDE (talk_sec) WHERE talk_sec IS NOT NULL;
CREATE INDEX IF NOT EXISTS interactions_kind ON interactions (kind, direction, created_at);
DROP INDEX IF EXISTS csat_created;
CREATE INDEX IF NOT EXISTS csat_report ON csat (created_at) INCLUDE (score, queue_id, case_id);
`;

export async function after(client: pg.ClientBase): Promise<void> {
  await query(client, { text: REFRESH_ALL_WAITS });
}
