import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, identityMapKey, LANGS, type Case, type Customer, type IdentityKind } from '../../../shared/domain';
import type { EntityName } from '../../../shared/protocol';
import { alert, canned, csat, customer, delivery, held, interaction, kase, kb, queue, staff, storeLocation } from '../../../shared/testing/rows';
import { startPostgres, type PostgresServer } from '../../cluster/postgres';
import { createRandom, type Random } from '../../seed/random';
import { copyHubStore } from '../copyHubStore';
import type { AudienceFilter, CaseScope, DeflectionRecord, HubStore, StoreTx, VisitorRecord } from '../hubStore';
import { openSqliteStore } from '../sqlite/sqliteStore';
import { openPgStore } from './pgStore';

let server: PostgresServer;
let dir: string;
beforeAll(async () => {
  server = await startPostgres({ name: 'parity_test' });
  dir = mkdtempSync(join(tmpdir(), 'store-parity-'));
}, 60_000);
afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const STORES = ['st-0', 'st-1', 'st-2'];
const QUEUES = ['q-0', 'q-1', 'q-2', 'q-3'];
const STAFF = ['s-0', 's-1', 's-2', 's-3', 's-4', 's-5'];
const KEYS = ['*', ...QUEUES.map((q) => `q:${q}`), ...STAFF.map((s) => `s:${s}`), ...STORES.map((s) => `st:${s}`)];
const FIRST = ['Anna', 'Łucja', 'Γιώργος', 'Zoë', 'Marek', 'ANNA', 'Jan'];
const LAST = ['Kowalska', 'Nowak', 'Παπαδόπουλος', 'Wiśniewski', 'Kowal', 'Żółć'];
/** A customer holding no identities: the shared builder's default ones would be held by every such customer. */
const NO_IDENTITIES = { emails: [], phones: [], handles: [], loyaltyNumber: null } satisfies Partial<Customer>;

/** One transaction of the workload; `at` keeps every time distinct, so every order is fully determined. */
type Step = (tx: StoreTx) => Promise<unknown>;

/**
 * A random but repeatable history of writes touching every write method: reference data, customers whose
 * identities move and merge, cases reassigned, timelines, alerts, held replies, removals, sessions, claims,
 * deliveries moving through their statuses, audit, surveys and their links, calls, serving, values about the hub, web
 * chat visitors and questions self-service answered.
 */
function workload(r: Random): { steps: Step[]; ids: Record<EntityName, string[]>; identities: Array<[string, string]>; webchat: Webchat } {
  const steps: Step[] = [];
  const ids = {} as Record<EntityName, string[]>;
  const identities: Array<[string, string]> = [];
  let at = 1_000;
  const audience = () => Array.from({ length: r.int(1, 3) }, () => r.pick(KEYS));
  const put = <E extends EntityName>(entity: E, row: Parameters<StoreTx['put']>[1] & { id: string }) => {
    const known = (ids[entity] ??= []);
    if (!known.includes(row.id)) known.push(row.id);
    const heard = audience();
    return (tx: StoreTx) => tx.put(entity, row as never, heard);
  };
  const inOne = (parts: Step[]) => steps.push(async (tx) => { for (const p of parts) await p(tx); });

  inOne([
    ...STORES.map((id) => put('storeLocation', storeLocation({ id }))),
    ...QUEUES.map((id) => put('queue', queue({ id, memberIds: r.sample(STAFF, 2) }))),
    ...STAFF.map((id, i) => put('staff', staff({ id, username: id, storeId: i % 3 === 0 ? r.pick(STORES) : null }))),
    ...['kb-0', 'kb-1'].map((id) => put('kb', kb({ id }))),
    ...['cn-0', 'cn-1'].map((id) => put('canned', canned({ id }))),
  ]);

  const customerVersion = (i: number, version: number): Customer => {
    const phones = [`+4860${String(i).padStart(2, '0')}12345`, ...(r.chance(0.3) ? [`+30690${String(i).padStart(2, '0')}9876`] : [])];
    const emails = [`c${i}.v${version}@Example.com`.toLowerCase(), ...(r.chance(0.3) ? [`shared${i}@example.com`] : [])];
    const loyaltyNumber = r.chance(0.3) ? `LC-${1000 + i}` : null;
    identities.push(...emails.map((e) => ['email', e] as [string, string]), ...phones.map((p) => ['phone', p] as [string, string]));
    if (loyaltyNumber) identities.push(['loyalty', loyaltyNumber.toLowerCase()]);
    return customer({
      id: `c-${String(i).padStart(2, '0')}`,
      name: `${r.pick(FIRST)} ${r.pick(LAST)} ${String.fromCharCode(97 + (i % 26))}${i}`,
      emails,
      phones,
      loyaltyNumber,
      handles: r.chance(0.2) ? [`@Handle_${i}`] : [],
      storeId: r.chance(0.3) ? r.pick(STORES) : null,
      version,
      updatedAt: at++,
    });
  };
  for (let i = 0; i < 40; i += 4) inOne([0, 1, 2, 3].map((k) => put('customer', customerVersion(i + k, 1))));

  const caseVersion = (i: number, version: number): Case => {
    const open = r.chance(0.7);
    return kase({
      id: `k-${String(i).padStart(3, '0')}`,
      customerId: `c-${String(r.int(0, 39)).padStart(2, '0')}`,
      queueId: r.pick(QUEUES),
      assigneeId: r.chance(0.6) ? r.pick(STAFF) : null,
      storeId: r.chance(0.2) ? r.pick(STORES) : null,
      status: open ? r.pick(['new', 'open', 'pending'] as const) : r.pick(['resolved', 'closed'] as const),
      lastChannel: r.pick(CHANNELS),
      subject: r.pick(['Re: Zwrot', 'Fwd: RE: order', 'Delivery', 'ΣΧΕΤ: παράδοση']),
      firstResponseDueAt: r.chance(0.5) ? 100_000 + at++ : null,
      nextResponseDueAt: r.chance(0.3) ? 200_000 + at++ : null,
      slaBreachedAt: r.chance(0.1) ? at++ : null,
      createdAt: 10_000 + i * 7,
      updatedAt: at++,
      version,
    });
  };
  for (let i = 0; i < 60; i += 6) inOne([0, 1, 2, 3, 4, 5].map((k) => put('case', caseVersion(i + k, 1))));
  for (let i = 0; i < 150; i += 10) {
    inOne(Array.from({ length: 10 }, (_, k) => put('interaction', interaction({
      id: `i-${String(i + k).padStart(3, '0')}`,
      caseId: `k-${String(r.int(0, 59)).padStart(3, '0')}`,
      createdAt: r.int(1, 40) * 1_000 + i + k,
      // Email Message-IDs, some of them on several interactions (the newest one's case answers).
      ...(r.chance(0.5) ? { kind: 'email' as const, meta: { messageId: `<m-${r.int(0, 60)}@mail.example>` } } : {}),
    }))));
  }
  inOne(r.sample(Array.from({ length: 60 }, (_, i) => i), 12).map((i) => put('csat', csat({ id: `cs-${i}`, caseId: `k-${String(i).padStart(3, '0')}`, score: r.int(1, 10) }))));
  inOne(r.sample(Array.from({ length: 60 }, (_, i) => i), 10).map((i, k) => put('alert', alert({
    id: `al-${k}`,
    caseId: `k-${String(i).padStart(3, '0')}`,
    status: r.pick(['raised', 'acknowledged', 'follow-up', 'closed'] as const),
    raisedAt: at++,
    notifiedStaffIds: r.sample(STAFF, r.int(0, 3)),
    followUpStaffId: r.chance(0.4) ? r.pick(STAFF) : null,
  }))));
  // Deliveries: some due (at equal times too), some waiting for a later attempt, some settled, a few known by the
  // provider's id (one id twice: the first by id answers).
  const deliveryVersion = (k: number, version: number) => {
    const status = r.pick(['queued', 'queued', 'sent', 'delivered', 'read', 'failed'] as const);
    return delivery({
      id: `de-${String(k).padStart(2, '0')}`,
      caseId: `k-${String(r.int(0, 59)).padStart(3, '0')}`,
      interactionId: `i-${String(r.int(0, 149)).padStart(3, '0')}`,
      channel: r.pick(CHANNELS),
      status,
      attempts: r.int(0, 5),
      nextAttemptAt: status === 'queued' ? r.pick([5_000, 5_000, 6_000, 50_000]) + r.int(0, 3) : null,
      providerMessageId: status === 'queued' ? null : r.pick([null, `pm-${k}`, 'pm-shared']),
      updatedAt: at++,
      version,
    });
  };
  for (let k = 0; k < 30; k += 10) inOne(Array.from({ length: 10 }, (_, j) => put('delivery', deliveryVersion(k + j, 1))));
  inOne(r.sample(Array.from({ length: 30 }, (_, k) => k), 6).map((k) => put('delivery', deliveryVersion(k, 2))));
  inOne(Array.from({ length: 10 }, (_, k) => put('held', held({ id: `h-${k}`, caseId: `k-${String(r.int(0, 59)).padStart(3, '0')}`, authorId: r.pick(STAFF) }))));

  // Changes: cases move, customers change identities (released ones go to others later) or merge, rows leave.
  for (let round = 0; round < 4; round++) {
    inOne(r.sample(Array.from({ length: 60 }, (_, i) => i), 5).map((i) => put('case', caseVersion(i, 2 + round))));
    inOne(r.sample(Array.from({ length: 40 }, (_, i) => i), 3).map((i) => put('customer', customerVersion(i, 2 + round))));
  }
  inOne(['c-07', 'c-13'].map((id) => put('customer', customer({ id, name: `Merged ${id}`, ...NO_IDENTITIES, mergedInto: 'c-01', version: 9 }))));
  const remove = (entity: EntityName, id: string) => {
    const heard = audience();
    return (tx: StoreTx) => tx.remove(entity, id, heard);
  };
  inOne([...['i-003', 'i-077', 'i-140'].map((id) => remove('interaction', id)), remove('held', 'h-3'), remove('kb', 'kb-1')]);

  // Everything a step writes is drawn now, so that both engines get the same values.
  const sessions = STAFF.map((staffId, i) => ({ staffId, i, assignedAt: i % 2 === 0 ? at++ : null, createdAt: at++ }));
  const revokedAt = at++;
  const others = Array.from({ length: 5 }, (_, k) => ({
    k,
    claimer: r.pick(STAFF),
    claimedAt: at++,
    audit: { id: `au-${k}`, actorId: r.pick(STAFF), action: r.pick(['case.reassign', 'customer.merge'] as const), targetType: 'case' as const,
      targetId: `k-00${k}`, queueId: r.chance(0.5) ? r.pick(QUEUES) : null, caseId: `k-00${k}`, before: { k }, after: null, at: at++ },
    surveyAt: at++,
    surveyToken: `sv-${k}-${r.int(0, 999_999)}`,
    call: { callId: `call-${k}`, phone: '+48601000000', customerId: null, caseId: null, offeredTo: r.pick(STAFF), state: r.pick(['ringing', 'answered', 'ended'] as const), at: at++ },
    server: r.pick(STAFF),
  }));
  const answeredAt = at++;
  steps.push(async (tx) => {
    for (const { staffId, i, assignedAt, createdAt } of sessions) {
      await tx.setPasswordHash(staffId, `hash-${i}`, i % 2 === 0);
      if (assignedAt !== null) await tx.setLastAssignedAt(staffId, assignedAt);
      await tx.createSession({ id: `ses-${i}`, staffId, refreshHash: `r-${i}-0`, refreshExpiresAt: 50_000 + i, createdAt, revokedAt: null });
    }
    await tx.rotateRefresh('ses-0', 'r-0-0', 'r-0-1', 60_000, 1);
    await tx.rotateRefresh('ses-0', 'r-0-0', 'r-0-2', 60_000, 2);
    await tx.rotateRefresh('ses-1', 'r-1-0', 'r-1-1', 70_000, 55_000);
    await tx.revokeSession('ses-2', revokedAt);
    await tx.revokeSessionsOfStaff(sessions[3].staffId, revokedAt + 1);
    for (const o of others) {
      await tx.claimMutation(o.claimer, `m-${o.k}`, o.claimedAt);
      await tx.saveMutationResult(o.claimer, `m-${o.k}`, { ok: true, k: o.k });
      await tx.claimInbound(`ext-${o.k}`, o.claimedAt);
      await tx.saveInboundResult(`ext-${o.k}`, { k: o.k });
      await tx.appendAudit(o.audit);
      await tx.surveySent(`k-00${o.k}`, o.surveyAt, o.surveyToken);
      await tx.saveCall(o.call);
      await tx.startServing(o.server, `c-0${o.k}`, 90_000 + o.k);
    }
    await tx.surveyAnswered('k-002', answeredAt);
    await tx.claimMeta('seed', 'from-parity');
    await tx.setMeta('key', 'secret');
  });
  // Sent again (one of them answered already): the first link and the answer stay, only the time moves.
  const resent = [1, 2].map((k) => ({ caseId: `k-00${k}`, at: at++, token: `sv-again-${k}` }));
  steps.push(async (tx) => {
    for (const again of resent) await tx.surveySent(again.caseId, again.at, again.token);
  });
  const webchat = webchatWorkload(r, steps);
  steps.push(async (tx) => {
    for (const o of others) {
      const again = await tx.claimMutation(o.claimer, `m-${o.k}`, 1);
      if (again === null) throw new Error('a claimed mutation id was claimed again');
      await tx.put('queue', queue({ id: `q-result-${o.k}`, name: JSON.stringify(again) }), ['*']);
    }
  });
  return {
    steps,
    ids,
    identities,
    webchat: { ...webchat, surveyTokens: [...others.map((o) => o.surveyToken), ...resent.map((a) => a.token)], answeredAt, resent },
  };
}

/**
 * The reference answers what the web chat workload wrote (so that both engines agreeing is not both being wrong):
 * a survey sent again keeps its first link and its answer, each visitor reads back as last saved, a case's
 * newest session answers for it, and the self-service figures count what happened since.
 */
async function webchatAsWritten(store: HubStore, w: Webchat): Promise<void> {
  const [, again] = w.resent;
  expect(await store.survey(again.caseId)).toEqual({ caseId: again.caseId, token: w.surveyTokens[2], sentAt: again.at, answeredAt: w.answeredAt });
  expect(await store.surveyByToken(again.token)).toBeNull();
  expect(await store.surveyByToken(w.surveyTokens[2])).toEqual(await store.survey(again.caseId));

  for (const v of w.visitors) {
    expect(await store.visitor(v.id)).toEqual(v);
    expect(await store.visitorByTokenHash(v.tokenHash)).toEqual(v);
  }
  expect(w.tokenHashes.length).toBeGreaterThan(w.visitors.length);
  const newest = (caseId: string) =>
    w.visitors.filter((v) => v.caseId === caseId).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))[0] ?? null;
  const cases = [...new Set(w.visitors.flatMap((v) => v.caseId ?? []))];
  expect(cases.some((caseId) => w.visitors.filter((v) => v.caseId === caseId).length > 1)).toBe(true);
  for (const caseId of cases) expect(await store.visitorOfCase(caseId), caseId).toEqual(newest(caseId));

  const tally = <K extends string>(keys: K[]) => [...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>())];
  for (const since of [0, 30_000]) {
    const deflected = tally(w.deflections.filter((d) => d.at >= since).map((d) => `${d.queueId} ${d.articleId}`))
      .map(([key, count]) => ({ queueId: key.split(' ')[0], articleId: key.split(' ')[1], count }))
      .sort((a, b) => (a.queueId < b.queueId ? -1 : a.queueId > b.queueId ? 1 : b.count - a.count || (a.articleId < b.articleId ? -1 : 1)));
    const conversations = tally(w.visitors.filter((v) => v.createdAt >= since && v.caseId !== null).map((v) => v.queueId))
      .map(([queueId, count]) => ({ queueId, count }))
      .sort((a, b) => (a.queueId < b.queueId ? -1 : 1));
    expect(deflected.length).toBeGreaterThan(1);
    expect(conversations.length).toBeGreaterThan(0);
    expect(await store.selfServiceCounts(since), `since ${since}`).toEqual({ deflected, conversations });
  }
}

interface Webchat {
  /** Each visitor session as last saved. */
  visitors: VisitorRecord[];
  /** Every token hash a session ever had (a renewed one's old hash finds nothing). */
  tokenHashes: string[];
  deflections: DeflectionRecord[];
  surveyTokens: string[];
  answeredAt: number;
  resent: Array<{ caseId: string; at: number; token: string }>;
}

/**
 * Web chat sessions started on a few cases' queues (several on one case, at the same time too), some written
 * again as the visitor wrote, moved pages, left a contact, changed queue or had their token renewed; and
 * questions self-service answered, at times around the `since` the figures are asked for.
 */
function webchatWorkload(r: Random, steps: Step[]): Pick<Webchat, 'visitors' | 'tokenHashes' | 'deflections'> {
  const visitorVersion = (n: number, version: number, caseId: string | null, createdAt: number, tokenHash: string): VisitorRecord => ({
    id: `v-${String(n).padStart(2, '0')}`,
    tokenHash,
    queueId: r.pick(QUEUES),
    origin: r.pick(['https://shop.example', 'https://sklep.example.pl']),
    lang: r.pick(LANGS),
    customerId: caseId !== null && r.chance(0.7) ? `c-${String(r.int(0, 39)).padStart(2, '0')}` : null,
    caseId,
    contact: r.chance(0.5) ? { email: `v${n}@example.com`, ...(r.chance(0.5) ? { name: r.pick(FIRST) } : {}) } : {},
    pages: Array.from({ length: r.int(0, 3) }, (_, p) => ({ url: `https://shop.example/p/${p}?v=${version}`, title: r.pick(['Buty', 'Παπούτσια', '<b>Shoes</b>']), at: createdAt + p })),
    createdAt,
    lastSeenAt: createdAt + version * 10,
  });
  const caseOrNone = () => (r.chance(0.6) ? `k-00${r.int(0, 3)}` : null);
  const first = Array.from({ length: 16 }, (_, n) => visitorVersion(n, 1, caseOrNone(), r.pick([20_000, 30_000, 30_000, 40_000]), `vh-${n}`));
  const latest = new Map(first.map((v) => [v.id, v]));
  const tokenHashes = first.map((v) => v.tokenHash);
  const second = r.sample(first, 7).map((v, i) => {
    const tokenHash = i < 2 ? `${v.tokenHash}-renewed` : v.tokenHash;
    if (tokenHash !== v.tokenHash) tokenHashes.push(tokenHash);
    return visitorVersion(Number(v.id.slice(2)), 2, v.caseId ?? caseOrNone(), v.createdAt, tokenHash);
  });
  for (const v of second) latest.set(v.id, v);
  const deflections = Array.from({ length: 24 }, (_, k): DeflectionRecord => ({
    id: `df-${String(k).padStart(2, '0')}`,
    queueId: r.pick(QUEUES),
    lang: r.pick(LANGS),
    articleId: r.pick(['kb-0', 'kb-1', 'kb-2']),
    visitorId: r.pick(first).id,
    at: r.pick([20_000, 25_000, 30_000, 40_000]) + r.int(0, 2),
  }));
  steps.push(async (tx) => {
    for (const v of first) await tx.saveVisitor(v);
    for (const d of deflections.slice(0, 12)) await tx.recordDeflection(d);
  });
  steps.push(async (tx) => {
    for (const v of second) await tx.saveVisitor(v);
    for (const d of deflections.slice(12)) await tx.recordDeflection(d);
  });
  return { visitors: [...latest.values()], tokenHashes, deflections };
}

describe('the PostgreSQL store answers as the SQLite store (the reference) does', () => {
  it('after the same history of writes, and after a copy of the SQLite store: every read, every pull page and every snapshot page with its position', async () => {
    const sqlite = openSqliteStore(join(dir, 'hub.sqlite'));
    const postgres = await openPgStore(await server.createDatabase());
    const copied = await openPgStore(await server.createDatabase());
    try {
      const { steps, ids, identities, webchat } = workload(createRandom(20_261_202));
      for (const store of [sqlite, postgres]) for (const step of steps) await store.write(step);
      expect(await copyHubStore(sqlite.exportRecords(), copied)).toMatchObject({ head: await sqlite.head() });

      /** The same question to each, the same answer, down to the order of keys in every row. */
      const same = async (label: string, ask: (s: HubStore) => Promise<unknown>) => {
        const reference = await ask(sqlite);
        for (const [engine, store] of [['written', postgres], ['copied', copied]] as const) {
          const answer = await ask(store);
          expect(answer, `${label} (${engine})`).toEqual(reference);
          expect(JSON.stringify(answer), `${label} (${engine})`).toBe(JSON.stringify(reference));
        }
      };
      const sorted = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

      await same('head', (s) => s.head());
      for (const [entity, list] of Object.entries(ids) as Array<[EntityName, string[]]>) {
        for (const id of [...list, 'missing']) {
          await same(`get ${entity} ${id}`, (s) => s.get(entity, id));
          await same(`row ${entity} ${id}`, (s) => s.row(entity, id));
        }
      }
      for (const entity of ['queue', 'staff', 'storeLocation', 'kb', 'canned'] as const) await same(`all ${entity}`, (s) => s.all(entity));

      for (const [kind, value] of [...identities, ['email', 'NOBODY@example.com'], ['loyalty', 'lc-1001'], ['handle', '@HANDLE_3']]) {
        await same(`identity ${kind} ${value}`, (s) => s.findCustomerByIdentity(kind as 'email', value));
      }
      // Many at once: past one statement's worth of unknown ones, then every identity ever held (merged customers'
      // among them), in other spellings too; the same answers as one at a time.
      const unknown = Array.from({ length: 6_000 }, (_, i): [IdentityKind, string] => ['email', `nobody${i}@example.com`]);
      const asked: Array<[IdentityKind, string]> = [...unknown, ...(identities as Array<[IdentityKind, string]>), ['email', ' C7.V1@Example.com '],
        ['loyalty', 'lc-1001'], ['handle', '@HANDLE_3'], ['handle', '@handle_4'], ['phone', '+48600000000']];
      expect(asked).toContainEqual(['email', 'c7.v1@example.com']);
      for (const s of [sqlite, postgres]) {
        const found = await s.customersByIdentities(asked);
        const oneByOne = await Promise.all(asked.map(async ([kind, value]) => [identityMapKey(kind, value), await s.findCustomerByIdentity(kind, value)] as const));
        expect(found).toEqual(new Map(oneByOne.filter(([, c]) => c !== null)));
        expect(found.size).toBeGreaterThan(40);
        expect(found.has(identityMapKey('email', 'c7.v1@example.com'))).toBe(false);
      }
      await same('customers by identities', async (s) => [...(await s.customersByIdentities(asked))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      await same('customers by no identities', async (s) => [...(await s.customersByIdentities([]))]);

      // SQLite answers phone endings in no particular order.
      for (const digits of ['12345', '0512345', '9876', '0000']) await same(`phone ${digits}`, async (s) => sorted(await s.customersByPhoneEnding(digits, 100)));
      for (const q of ['', 'a', 'an', 'anna', 'anna kow', 'kow', 'kowal', 'γιω', 'παπαδ', 'nowak', 'zoe', 'lucja', 'zolc', 'merged', 'x', 'a1']) {
        for (const limit of [3, 100]) await same(`named ${q} ${limit}`, (s) => s.customersNamed(q, limit));
      }

      for (let i = 0; i < 40; i++) await same(`cases of customer ${i}`, (s) => s.casesOfCustomer(`c-${String(i).padStart(2, '0')}`));
      for (const staffId of [...STAFF, 'nobody']) {
        await same(`open cases of ${staffId}`, (s) => s.openCasesOfAssignee(staffId));
        for (const channel of CHANNELS) await same(`load ${staffId} ${channel}`, (s) => s.loadOf(staffId, channel));
        await same(`live calls of ${staffId}`, (s) => s.liveCallsOf(staffId));
        await same(`credentials ${staffId}`, (s) => s.staffCredentials(staffId));
        await same(`open sessions of ${staffId}`, (s) => s.openSessionsOf(staffId));
      }
      await same('last assigned', (s) => s.lastAssignedAt([...STAFF, 'nobody']));
      for (const queueId of QUEUES) for (const limit of [2, 100]) await same(`waiting ${queueId} ${limit}`, (s) => s.waitingCases(queueId, limit));
      for (const queueId of [...QUEUES, 'nowhere']) await same(`open cases of queue ${queueId}`, (s) => s.openCasesOfQueue(queueId));
      expect((await sqlite.dueDeliveries(1e9, 100)).length).toBeGreaterThan(3);
      expect(await sqlite.deliveryByProviderMessageId('pm-shared')).not.toBeNull();
      for (const [now, limit] of [[0, 10], [100_500, 3], [1e9, 100]]) await same(`overdue ${now} ${limit}`, (s) => s.overdueCases(now, limit));
      for (const caseId of [...ids.case, 'missing']) {
        await same(`timeline ${caseId}`, (s) => s.interactionsOfCase(caseId));
        await same(`case rows ${caseId}`, (s) => s.caseRows(caseId));
        await same(`open alert ${caseId}`, (s) => s.openAlertOfCase(caseId));
      }
      const messageIds = Array.from({ length: 62 }, (_, k) => `<m-${k}@mail.example>`);
      for (const asked of [[], ['<none@mail.example>'], ...messageIds.map((m) => [m]), messageIds.slice(0, 5), messageIds.slice(30).reverse(), ['m-1@mail.example']]) {
        await same(`case of message ${asked.join(' ')}`, (s) => s.caseOfMessage(asked));
      }
      expect(await sqlite.caseOfMessage(messageIds)).not.toBeNull();
      await same('raised alerts', (s) => s.raisedAlerts());
      for (const [now, limit] of [[0, 10], [5_002, 3], [6_003, 100], [1e9, 4], [1e9, 100]]) await same(`due deliveries ${now} ${limit}`, (s) => s.dueDeliveries(now, limit));
      for (const id of ['pm-shared', 'pm-3', 'pm-17', 'pm-none']) await same(`delivery by provider id ${id}`, (s) => s.deliveryByProviderMessageId(id));
      for (const limit of [2, 100]) await same(`awaiting survey ${limit}`, (s) => s.casesAwaitingSurvey(limit));
      for (const k of [0, 1, 4, 9]) await same(`call ${k}`, (s) => s.call(`call-${k}`));
      for (const caseId of [...ids.case, 'missing']) await same(`survey ${caseId}`, (s) => s.survey(caseId));
      for (const token of [...webchat.surveyTokens, 'none']) await same(`survey by token ${token}`, (s) => s.surveyByToken(token));
      for (const v of [...webchat.visitors, { id: 'missing' }]) await same(`visitor ${v.id}`, (s) => s.visitor(v.id));
      for (const hash of [...webchat.tokenHashes, 'none']) await same(`visitor by token hash ${hash}`, (s) => s.visitorByTokenHash(hash));
      for (const caseId of [...ids.case, 'missing']) await same(`visitor of case ${caseId}`, (s) => s.visitorOfCase(caseId));
      for (const since of [0, 25_000, 30_000, 30_001, 40_002, 1e12]) await same(`self-service since ${since}`, (s) => s.selfServiceCounts(since));
      await webchatAsWritten(sqlite, webchat);
      for (const filter of [{ limit: 100 }, { limit: 2 }, { actorId: 's-1', limit: 100 }, { queueId: 'q-2', limit: 100 }, { caseId: 'k-003', limit: 10 },
        { actions: ['customer.merge'], limit: 100 }, { actions: ['customer.merge', 'case.reassign'], queueId: 'q-2', limit: 100 }, { before: 1_400, limit: 100 },
        { from: 1_100, to: 1_600, limit: 100 }, { before: 1_400, beforeId: 'au-5', limit: 100 }]) {
        await same(`audit ${JSON.stringify(filter)}`, (s) => s.queryAudit(filter));
      }
      for (let i = 0; i < 7; i++) {
        await same(`session ${i}`, (s) => s.sessionById(`ses-${i}`));
        for (const v of [0, 1, 2]) {
          await same(`session by hash ${i} ${v}`, (s) => s.sessionByRefreshHash(`r-${i}-${v}`));
          await same(`session by retired ${i} ${v}`, (s) => s.sessionByRetiredRefresh(`r-${i}-${v}`));
        }
      }
      for (const staffId of STAFF) for (let k = 0; k < 5; k++) await same(`serving ${staffId} ${k}`, (s) => s.isServing(staffId, `c-0${k}`, 90_001));
      for (const key of ['seed', 'key', 'none']) await same(`meta ${key}`, (s) => s.meta(key));
      for (const [cursor, limit] of [[0, 1_000], [40, 7], [1_000, 10]]) await same(`changes after ${cursor}`, (s) => s.changesAfter(cursor, limit));

      const filters: AudienceFilter[] = [{ all: true }, { all: false, keys: ['q:q-1', 's:s-2', '*'] }, { all: false, keys: ['st:st-0'] }, { all: false, keys: ['nobody'] }];
      for (const filter of filters) {
        for (const limit of [1, 7, 500]) {
          await same(`pull ${JSON.stringify(filter)} by ${limit}`, async (s) => {
            const pages = [];
            for (let cursor = 0, more = true; more; ) {
              const page = await s.pull(filter, cursor, limit);
              pages.push(page);
              ({ cursor, more } = page);
            }
            return pages;
          });
        }
      }
      const scopes: CaseScope[] = [
        { all: true, queueIds: [], staffId: 's-0', storeId: null },
        { all: false, queueIds: ['q-1', 'q-3'], staffId: 's-2', storeId: null },
        { all: false, queueIds: [], staffId: 's-3', storeId: 'st-1' },
        { all: false, casesOnly: true, queueIds: ['q-0'], staffId: '', storeId: null },
        { all: true, casesOnly: true, queueIds: [], staffId: '', storeId: null },
      ];
      for (const scope of scopes) {
        for (const limit of [1, 9, 1_000]) {
          await same(`snapshot ${JSON.stringify(scope)} by ${limit}`, async (s) => {
            const pages = [];
            for (let after: string | null = null, hwm: number | null = null, done = false; !done; ) {
              const page = await s.snapshot(scope, after, hwm, limit);
              pages.push(page);
              ({ after, hwm, done } = page);
            }
            return pages;
          });
        }
      }
    } finally {
      await Promise.all([sqlite.close(), postgres.close(), copied.close()]);
    }
  }, 120_000);
});
