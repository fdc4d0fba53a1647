import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrate';

describe('finding the case an email answers', () => {
  it('looks Message-IDs up through their index, not by reading every interaction', () => {
    const db = new Database(':memory:');
    try {
      migrate(db);
      const plan = db
        .prepare("EXPLAIN QUERY PLAN SELECT case_id FROM interactions WHERE json_extract(data, '$.meta.messageId') IN (SELECT value FROM json_each(?)) ORDER BY created_at DESC, id DESC LIMIT 1")
        .all('["<a@b>"]') as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING INDEX interactions_message_id/);
    } finally {
      db.close();
    }
  });
});
