import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csat, interaction, kase, queue } from '../../shared/testing/rows';
import { openSqliteStore } from './sqlite/sqliteStore';

const T = Date.UTC(2026, 2, 1);

describe('report columns (SQLite migrations 0011 and 0012)', () => {
  it('(migration 0011) are derived from every row written before the migration; a deadline nulled once answered comes from the queue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-columns-'));
    const path = join(dir, 'hub.sqlite');
    try {
      const first = openSqliteStore(path);
      await first.write(async (w) => {
        await w.put('queue', queue({ id: 'q1', sla: { firstResponseMinutes: 45, nextResponseMinutes: 240 } }), []);
        // Answered before the migration: the row's deadline is already null.
        await w.put('case', kase({ id: 'ca1', queueId: 'q1', createdAt: T, firstResponseDueAt: null, firstRespondedAt: T + 10, channels: ['chat', 'email', 'chat'], resolvedAt: T + 99 }), []);
        await w.put('case', kase({ id: 'ca2', queueId: 'q1', createdAt: T, firstResponseDueAt: T + 5 }), []);
        await w.put('interaction', interaction({ id: 'in1', caseId: 'ca1', text: 'This is terrible, I am very angry and disappointed!' }), []);
        await w.put('interaction', interaction({ id: 'in2', caseId: 'ca1', kind: 'phone', direction: 'outbound', authorId: 'a1', text: '', meta: { durationSec: 120 } }), []);
        await w.put('csat', csat({ id: 'cs1', caseId: 'ca1', queueId: 'q1', score: 4, createdAt: T + 7 }), []);
      });
      await first.close();
      // As a hub before 0011 left them: no report columns.
      const raw = new Database(path);
      raw.exec(`UPDATE cases SET resolved_at = NULL, first_responded_at = NULL, first_response_due = NULL, channel_count = 1, channel_set = '', origin_channel = '';
                UPDATE interactions SET kind = '', direction = '', author_id = NULL, customer_id = '', talk_sec = NULL, negative = NULL;
                UPDATE csat SET created_at = 0, score = 0, queue_id = '';`);
      raw.pragma('user_version = 10');
      raw.close();

      await (openSqliteStore(path)).close();
      const db = new Database(path, { readonly: true });
      expect(db.prepare('SELECT id, resolved_at, first_responded_at, first_response_due, channel_count, channel_set, origin_channel FROM cases ORDER BY id').all()).toEqual([
        { id: 'ca1', resolved_at: T + 99, first_responded_at: T + 10, first_response_due: T + 45 * 60_000, channel_count: 2, channel_set: ',chat,email,', origin_channel: 'chat' },
        { id: 'ca2', resolved_at: null, first_responded_at: null, first_response_due: T + 5, channel_count: 1, channel_set: ',chat,', origin_channel: 'chat' },
      ]);
      expect(db.prepare('SELECT id, kind, direction, author_id, customer_id, talk_sec, negative FROM interactions ORDER BY id').all()).toEqual([
        { id: 'in1', kind: 'chat', direction: 'inbound', author_id: null, customer_id: 'cu1', talk_sec: null, negative: 1 },
        { id: 'in2', kind: 'phone', direction: 'outbound', author_id: 'a1', customer_id: 'cu1', talk_sec: 120, negative: null },
      ]);
      expect(db.prepare('SELECT created_at, score, queue_id FROM csat').all()).toEqual([{ created_at: T + 7, score: 4, queue_id: 'q1' }]);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('(migration 0012) fills in the wait of every staff reply written before it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-waits-'));
    const path = join(dir, 'hub.sqlite');
    try {
      const first = openSqliteStore(path);
      const at = (id: string, minutes: number, over = {}) => interaction({ id, caseId: 'ca1', createdAt: T + minutes * 60_000, ...over });
      await first.write(async (w) => {
        await w.put('case', kase({ id: 'ca1', createdAt: T }), []);
        for (const m of [at('in1', 0), at('out1', 10, { direction: 'outbound', authorId: 'a1' }), at('in2', 20), at('in3', 25), at('out2', 40, { direction: 'outbound', authorId: 'a1' })]) {
          await w.put('interaction', m, []);
        }
        // A survey invitation is outbound but nobody's reply: it has no wait, and does not end one.
        await w.put('interaction', at('out3', 45, { direction: 'outbound', authorId: null }), []);
      });
      await first.close();
      const raw = new Database(path);
      raw.exec('UPDATE interactions SET wait_ms = NULL');
      raw.pragma('user_version = 11');
      raw.close();

      await (openSqliteStore(path)).close();
      const db = new Database(path, { readonly: true });
      expect(db.prepare('SELECT id, wait_ms FROM interactions ORDER BY created_at').all()).toEqual([
        { id: 'in1', wait_ms: null },
        // The case's first reply: its wait is the first response time, kept on the case.
        { id: 'out1', wait_ms: null },
        { id: 'in2', wait_ms: null },
        { id: 'in3', wait_ms: null },
        { id: 'out2', wait_ms: 20 * 60_000 },
        { id: 'out3', wait_ms: null },
      ]);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
