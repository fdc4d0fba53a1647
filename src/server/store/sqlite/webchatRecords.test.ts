import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeflectionRecord, HubRecord, VisitorRecord } from '../hubStore';
import { openSqliteStore, type SqliteStore } from './sqliteStore';
import { isSurveyToken } from '../../survey/surveyToken';
import * as m0001 from './migrations/0001-initial';
import * as m0002 from './migrations/0002-hardening';
import * as m0003 from './migrations/0003-meta';
import * as m0004 from './migrations/0004-administration';
import * as m0005 from './migrations/0005-deliveries';
import * as m0006 from './migrations/0006-attachments';
import * as m0007 from './migrations/0007-email-threading';

let dir: string;
let path: string;
let store: SqliteStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'webchat-records-'));
  path = join(dir, 'hub.sqlite');
  store = openSqliteStore(path);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const visitor = (id: string, over: Partial<VisitorRecord> = {}): VisitorRecord => ({
  id,
  tokenHash: `hash-${id}`,
  queueId: 'q-shop',
  origin: 'https://shop.example',
  lang: 'pl',
  customerId: null,
  caseId: null,
  contact: {},
  pages: [{ url: 'https://shop.example/buty', title: '<b>Buty</b>', at: 1 }],
  createdAt: 1_000,
  lastSeenAt: 1_000,
  ...over,
});

const deflection = (id: string, queueId: string, articleId: string, at: number): DeflectionRecord => ({ id, queueId, lang: 'en', articleId, visitorId: 'v-1', at });

/** The records of some kinds a copy of the store would carry, in export order. */
async function exported(...kinds: Array<HubRecord['kind']>): Promise<HubRecord[]> {
  const out: HubRecord[] = [];
  for await (const r of store.exportRecords()) if (kinds.includes(r.kind)) out.push(r);
  return out;
}

describe('SQLite store: survey links', () => {
  it('keeps the first link and any answer when a survey is sent again; a link finds its survey only', async () => {
    expect(await store.survey('k-1')).toBeNull();
    await store.write((tx) => tx.surveySent('k-1', 10, 'token-1'));
    expect(await store.survey('k-1')).toEqual({ caseId: 'k-1', token: 'token-1', sentAt: 10, answeredAt: null });
    expect(await store.write((tx) => tx.surveyAnswered('k-1', 15))).toBe(true);

    await store.write((tx) => tx.surveySent('k-1', 20, 'token-other'));
    const sentAgain = { caseId: 'k-1', token: 'token-1', sentAt: 20, answeredAt: 15 };
    expect(await store.survey('k-1')).toEqual(sentAgain);
    expect(await store.surveyByToken('token-1')).toEqual(sentAgain);
    expect(await store.surveyByToken('token-other')).toBeNull();
    expect(await store.write((tx) => tx.surveyAnswered('k-1', 25))).toBe(false);
  });

  it("refuses another case's link, writing nothing of the transaction", async () => {
    await store.write((tx) => tx.surveySent('k-1', 10, 'token-1'));
    await expect(store.write(async (tx) => {
      await tx.surveySent('k-3', 11, 'token-3');
      await tx.surveySent('k-2', 12, 'token-1');
    })).rejects.toThrow(/UNIQUE/);
    expect(await store.survey('k-2')).toBeNull();
    expect(await store.survey('k-3')).toBeNull();
  });

  it('gives a survey sent before links existed a link of its own when the schema moves on', async () => {
    await store.close();
    const older = join(dir, 'older.sqlite');
    // A hub of the schema before web chat (migration 7), with a survey sent.
    const db = new Database(older);
    for (const m of [m0001, m0002, m0003, m0004, m0005, m0006, m0007]) db.exec(m.up);
    db.pragma('user_version = 7');
    db.prepare('INSERT INTO surveys (case_id, sent_at) VALUES (?, ?)').run('k-old', 5);
    db.close();
    store = openSqliteStore(older);
    const survey = await store.survey('k-old');
    expect(survey?.token).toMatch(/^[0-9a-f]{48}$/);
    expect(isSurveyToken(survey!.token)).toBe(true);
    expect(await store.surveyByToken(survey!.token)).toEqual(survey);
    expect(await exported('survey')).toEqual([{ kind: 'survey', survey }]);
  });
});

describe('SQLite store: web chat visitors', () => {
  it('reads a session back as saved, by id and by token hash; a renewed token leaves the old hash finding nothing', async () => {
    const started = visitor('v-1');
    await store.write((tx) => tx.saveVisitor(started));
    expect(await store.visitor('v-1')).toEqual(started);
    expect(await store.visitorByTokenHash('hash-v-1')).toEqual(started);

    const wrote = visitor('v-1', { tokenHash: 'hash-renewed', caseId: 'k-1', customerId: 'c-1', contact: { email: 'ola@example.pl', name: 'Ola' }, lastSeenAt: 2_000 });
    await store.write((tx) => tx.saveVisitor(wrote));
    expect(await store.visitor('v-1')).toEqual(wrote);
    expect(await store.visitorByTokenHash('hash-renewed')).toEqual(wrote);
    expect(await store.visitorByTokenHash('hash-v-1')).toBeNull();
    expect(await store.visitor('v-none')).toBeNull();
    expect(await exported('visitor')).toEqual([{ kind: 'visitor', visitor: wrote }]);
  });

  it("answers a case's newest session (the greater id of two started at once), none for a case without one", async () => {
    await store.write(async (tx) => {
      await tx.saveVisitor(visitor('v-1', { caseId: 'k-1', createdAt: 1_000 }));
      await tx.saveVisitor(visitor('v-3', { caseId: 'k-1', createdAt: 3_000 }));
      await tx.saveVisitor(visitor('v-2', { caseId: 'k-1', createdAt: 3_000 }));
      await tx.saveVisitor(visitor('v-4', { caseId: null, createdAt: 9_000 }));
    });
    expect((await store.visitorOfCase('k-1'))?.id).toBe('v-3');
    // A session that moves to another case no longer answers for the first.
    await store.write((tx) => tx.saveVisitor(visitor('v-3', { caseId: 'k-2', createdAt: 3_000 })));
    expect((await store.visitorOfCase('k-1'))?.id).toBe('v-2');
    expect((await store.visitorOfCase('k-2'))?.id).toBe('v-3');
    expect(await store.visitorOfCase('k-9')).toBeNull();
  });
});

describe('SQLite store: self-service figures', () => {
  it('counts answers by queue and article (most first) and sessions that wrote by queue, since a time', async () => {
    await store.write(async (tx) => {
      for (const d of [
        deflection('d-1', 'q-b', 'kb-1', 100),
        deflection('d-2', 'q-a', 'kb-2', 200),
        deflection('d-3', 'q-a', 'kb-1', 200),
        deflection('d-4', 'q-a', 'kb-2', 300),
        deflection('d-5', 'q-a', 'kb-3', 99),
      ]) await tx.recordDeflection(d);
      await tx.saveVisitor(visitor('v-1', { queueId: 'q-b', caseId: 'k-1', createdAt: 100 }));
      await tx.saveVisitor(visitor('v-2', { queueId: 'q-a', caseId: 'k-2', createdAt: 150 }));
      await tx.saveVisitor(visitor('v-3', { queueId: 'q-a', caseId: 'k-3', createdAt: 300 }));
      await tx.saveVisitor(visitor('v-4', { queueId: 'q-a', caseId: null, createdAt: 300 }));
      // Started before `since`, wrote after: not a conversation of the period.
      await tx.saveVisitor(visitor('v-5', { queueId: 'q-a', caseId: 'k-5', createdAt: 99 }));
    });
    expect(await store.selfServiceCounts(100)).toEqual({
      deflected: [
        { queueId: 'q-a', articleId: 'kb-2', count: 2 },
        { queueId: 'q-a', articleId: 'kb-1', count: 1 },
        { queueId: 'q-b', articleId: 'kb-1', count: 1 },
      ],
      conversations: [
        { queueId: 'q-a', count: 2 },
        { queueId: 'q-b', count: 1 },
      ],
    });
    expect(await store.selfServiceCounts(301)).toEqual({ deflected: [], conversations: [] });
    await expect(store.write((tx) => tx.recordDeflection(deflection('d-1', 'q-b', 'kb-1', 400)))).rejects.toThrow(/UNIQUE/);
    const copied = (await exported('deflection')).flatMap((r) => (r.kind === 'deflection' ? [r.deflection] : []));
    expect(copied.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual([
      deflection('d-1', 'q-b', 'kb-1', 100),
      deflection('d-2', 'q-a', 'kb-2', 200),
      deflection('d-3', 'q-a', 'kb-1', 200),
      deflection('d-4', 'q-a', 'kb-2', 300),
      deflection('d-5', 'q-a', 'kb-3', 99),
    ]);
  });
});
