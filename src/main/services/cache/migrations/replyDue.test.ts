import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Case } from '../../../../shared/domain';
import { kase, tempDir } from '../../testing/fixtures';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

let cleanup = () => {};
afterEach(() => cleanup());

it('0010 derives every stored reply due again with the shared rule', () => {
  const t = tempDir();
  const db = new Database(join(t.dir, 'm.db'));
  cleanup = () => {
    db.close();
    t.cleanup();
  };
  migrate(db, MIGRATIONS.filter((m) => m.version < 10));
  // As the former rule stored them: any deadline the row carried, whatever the status.
  const insert = db.prepare(
    `INSERT INTO cases (id, seq, data, customer_id, queue_id, status, priority, last_channel, sla_due_at, updated_at)
     VALUES (?, 1, ?, 'cu1', 'q1', ?, 'normal', 'email', ?, 1)`,
  );
  const rows: Case[] = [
    kase({ id: 'ca-open', status: 'open', firstResponseDueAt: 500 }),
    kase({ id: 'ca-pending', status: 'pending', firstResponseDueAt: null, nextResponseDueAt: 700 }),
    kase({ id: 'ca-closed', status: 'closed', firstResponseDueAt: 900 }),
  ];
  for (const c of rows) insert.run(c.id, JSON.stringify(c), c.status, c.firstResponseDueAt ?? c.nextResponseDueAt);

  migrate(db);

  const due = db.prepare('SELECT id, sla_due_at AS due FROM cases ORDER BY id').all();
  expect(due).toEqual([
    { id: 'ca-closed', due: null },
    { id: 'ca-open', due: 500 },
    { id: 'ca-pending', due: null },
  ]);
});
