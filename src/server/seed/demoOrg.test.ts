import { describe, expect, it } from 'vitest';
import {
  CannedResponseSchema,
  CaseSchema,
  CHANNELS,
  CsatResponseSchema,
  CustomerSchema,
  InteractionSchema,
  KbArticleSchema,
  QueueSchema,
  StaffSchema,
  StoreLocationSchema,
  type Case,
  type Interaction,
} from '../../shared/domain';
import { generateDemoOrg, type CaseBatch, type DemoOrgOptions } from './demoOrg';

const NOW = Date.UTC(2025, 5, 1, 12);
const DAY = 86_400_000;
const small: DemoOrgOptions = { seed: 42, customers: 60, interactions: 600, now: NOW };

/** Everything the batches yield, joined (small organisations only). */
function collect(opts: DemoOrgOptions, batchSize = 25): CaseBatch {
  const all: CaseBatch = { customers: [], cases: [], interactions: [], csat: [] };
  for (const b of generateDemoOrg(opts).batches(batchSize)) {
    all.customers.push(...b.customers);
    all.cases.push(...b.cases);
    all.interactions.push(...b.interactions);
    all.csat.push(...b.csat);
  }
  return all;
}

const medium = collect({ seed: 3, customers: 400, interactions: 4_000, now: NOW }, 100);
const byCase = new Map<string, Interaction[]>();
for (const it of medium.interactions) byCase.set(it.caseId, [...(byCase.get(it.caseId) ?? []), it]);
const timelineOf = (c: Case): Interaction[] => byCase.get(c.id) ?? [];

describe('generateDemoOrg: determinism', () => {
  it('gives the same organisation for the same seed, whatever the batch size', () => {
    const a = generateDemoOrg(small);
    const b = generateDemoOrg(small);
    expect(b.staff).toEqual(a.staff);
    expect(b.queues).toEqual(a.queues);
    expect(collect(small, 7)).toEqual(collect(small, 1_000));
  });

  it('gives a different organisation for a different seed', () => {
    const other = { ...small, seed: 43 };
    expect(generateDemoOrg(other).staff.map((s) => s.password)).not.toEqual(generateDemoOrg(small).staff.map((s) => s.password));
    expect(collect(other).customers.map((c) => c.name)).not.toEqual(collect(small).customers.map((c) => c.name));
  });
});

describe('generateDemoOrg: organisation', () => {
  const org = generateDemoOrg(small);

  it('every row of the setup passes its schema', () => {
    for (const s of org.storeLocations) StoreLocationSchema.parse(s);
    for (const q of org.queues) QueueSchema.parse(q);
    for (const s of org.staff) StaffSchema.parse(s.staff);
    for (const a of org.kb) KbArticleSchema.parse(a);
    for (const c of org.canned) CannedResponseSchema.parse(c);
  });

  it('has four queues whose alert staff and members are staff, with SLA policies', () => {
    const staffIds = new Set(org.staff.map((s) => s.staff.id));
    expect(org.queues.map((q) => q.id)).toEqual(['q-online', 'q-hotline', 'q-stores', 'q-social']);
    for (const q of org.queues) {
      expect(q.csatAlertThreshold).toBe(4);
      expect(q.memberIds.length).toBeGreaterThan(1);
      for (const id of [...q.memberIds, ...q.alertStaffIds]) expect(staffIds.has(id)).toBe(true);
      const supervisors = org.staff.filter((s) => s.staff.role === 'supervisor').map((s) => s.staff.id);
      expect(q.alertStaffIds).toEqual(expect.arrayContaining(supervisors));
    }
    expect(org.queues.find((q) => q.id === 'q-online')?.sla).toEqual({ firstResponseMinutes: 5, nextResponseMinutes: 10 });
  });

  it('has two supervisors, an admin, agents and store staff in both stores, all offline with readable passwords', () => {
    const roles = org.staff.map((s) => s.staff.role);
    expect(roles.filter((r) => r === 'supervisor')).toHaveLength(2);
    expect(roles.filter((r) => r === 'admin')).toHaveLength(1);
    expect(roles.filter((r) => r === 'agent').length).toBeGreaterThanOrEqual(5);
    for (const store of org.storeLocations) {
      expect(org.staff.some((s) => s.staff.role === 'store' && s.staff.storeId === store.id)).toBe(true);
    }
    for (const { staff, password } of org.staff) {
      expect(staff.status).toBe('offline');
      expect(staff.username).toMatch(/^[a-z.]+$/);
      expect(password.length).toBeGreaterThanOrEqual(10);
      expect(password).toMatch(/^[a-z]+-[a-z]+-\d\d$/);
    }
    expect(new Set(org.staff.map((s) => s.staff.username)).size).toBe(org.staff.length);
  });

  it('has about ten articles and the canned shortcuts in every language', () => {
    for (const lang of ['en', 'pl', 'el'] as const) {
      expect(org.kb.filter((a) => a.language === lang)).toHaveLength(10);
      const shortcuts = org.canned.filter((c) => c.language === lang).map((c) => c.shortcut);
      expect(shortcuts).toEqual(expect.arrayContaining(['greet', 'sorry-delay', 'refund', 'order-number', 'thanks', 'callback', 'close']));
    }
    expect(org.kb.find((a) => a.id === 'kb-el-returns')?.body).toMatch(/[α-ωά-ώ]/);
    expect(org.kb.find((a) => a.id === 'kb-pl-returns')?.body).toMatch(/[ąęółśżźćń]/);
  });
});

describe('generateDemoOrg: customers and cases', () => {
  it('every generated row passes its schema', () => {
    for (const c of medium.customers) CustomerSchema.parse(c);
    for (const c of medium.cases) CaseSchema.parse(c);
    for (const i of medium.interactions) InteractionSchema.parse(i);
    for (const s of medium.csat) CsatResponseSchema.parse(s);
  });

  it('honours the scale knobs exactly, with unique ids', () => {
    expect(medium.customers).toHaveLength(400);
    expect(medium.interactions).toHaveLength(4_000);
    for (const rows of [medium.customers, medium.cases, medium.interactions, medium.csat]) {
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    }
    expect(medium.customers[0].id).toBe('cus-000001');
    expect(collect({ ...small, customers: 0 }).customers).toHaveLength(0);
    const idle = collect({ ...small, customers: 5, interactions: 0 });
    expect(idle.customers).toHaveLength(5);
    expect(idle.cases).toHaveLength(0);
  });

  it('gives customers identities and languages matching their names', () => {
    const emails = medium.customers.flatMap((c) => c.emails);
    const phones = medium.customers.flatMap((c) => c.phones);
    expect(new Set(emails).size).toBe(emails.length);
    expect(new Set(phones).size).toBe(phones.length);
    for (const c of medium.customers) {
      expect(c.emails.length + c.phones.length).toBeGreaterThan(0);
      if (/[α-ωΑ-Ω]/.test(c.name) && c.language !== 'en') expect(c.language).toBe('el');
    }
    expect(phones.some((p) => p.startsWith('+48'))).toBe(true);
    expect(phones.some((p) => p.startsWith('+30'))).toBe(true);
    expect(phones.some((p) => p.startsWith('+44'))).toBe(true);
    expect(medium.customers.some((c) => c.loyaltyNumber?.startsWith('LC-'))).toBe(true);
    expect(medium.customers.some((c) => c.handles.length > 0)).toBe(true);
  });

  it('writes customer messages in the customer language', () => {
    const language = new Map(medium.customers.map((c) => [c.id, c.language]));
    const storeNames = generateDemoOrg(small).storeLocations.map((s) => s.name);
    for (const it of medium.interactions) {
      if (it.direction !== 'inbound' || it.text === '') continue;
      // Store names are proper names, written the local way in every language.
      const text = storeNames.reduce((t, name) => t.replaceAll(name, ''), it.text);
      if (language.get(it.customerId) === 'el') expect(text).toMatch(/[α-ωά-ώ]/);
      else expect(text).not.toMatch(/[α-ωά-ώ]{3}/);
    }
  });

  it('spreads cases over every status, channel and queue, with some low survey scores', () => {
    const statuses = new Set(medium.cases.map((c) => c.status));
    expect([...statuses].sort()).toEqual(['closed', 'new', 'open', 'pending', 'resolved']);
    expect(new Set(medium.interactions.map((i) => i.kind))).toEqual(new Set([...CHANNELS, 'note']));
    expect(new Set(medium.cases.map((c) => c.queueId)).size).toBe(4);
    expect(medium.csat.some((s) => s.score <= 4)).toBe(true);
    expect(medium.csat.some((s) => s.score >= 8)).toBe(true);
  });

  it('keeps each case consistent with its interactions', () => {
    const queues = new Map(generateDemoOrg(small).queues.map((q) => [q.id, q]));
    for (const c of medium.cases) {
      const timeline = timelineOf(c);
      expect(timeline.length).toBeGreaterThan(0);
      const times = timeline.map((i) => i.createdAt);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBeGreaterThanOrEqual(NOW - 61 * DAY);
      expect(times[times.length - 1]).toBeLessThanOrEqual(NOW);
      expect(c.createdAt).toBe(times[0]);

      const messages = timeline.filter((i) => i.kind !== 'note');
      const inbound = messages.filter((i) => i.direction === 'inbound');
      const outbound = messages.filter((i) => i.direction === 'outbound');
      expect(new Set(c.channels)).toEqual(new Set(messages.map((i) => i.kind)));
      expect(c.lastMessageId).toBe(messages.at(-1)?.id ?? null);
      expect(c.inboundCount).toBe(inbound.length);
      expect(c.lastChannel).toBe(inbound.at(-1)?.kind ?? c.originChannel);
      expect(c.lastInboundAt).toBe(inbound.at(-1)?.createdAt ?? null);
      expect(c.lastOutboundAt).toBe(outbound.at(-1)?.createdAt ?? null);
      expect(c.firstRespondedAt).toBe(outbound[0]?.createdAt ?? null);
      expect(c.originChannel).toBe(messages[0].kind);

      const sla = queues.get(c.queueId)!.sla;
      const done = c.status === 'resolved' || c.status === 'closed';
      expect(c.resolvedAt !== null).toBe(done);
      if (done || c.status === 'pending') expect(c.nextResponseDueAt).toBeNull();
      if (c.status === 'pending' || done) expect(messages.at(-1)?.direction).toBe('outbound');
      if (c.status === 'open') expect(messages.at(-1)?.direction).toBe('inbound');
      if (c.status === 'new') {
        expect(outbound).toHaveLength(0);
        expect(c.assigneeId).toBeNull();
        expect(c.firstResponseDueAt).toBe(inbound[0].createdAt + sla.firstResponseMinutes * 60_000);
      }
      if (c.nextResponseDueAt !== null) {
        expect(c.slaBreachedAt).toBe(c.nextResponseDueAt < NOW ? c.nextResponseDueAt : null);
      }

      if (c.assigneeId !== null) expect(c.assigneeHistory.at(-1)?.staffId).toBe(c.assigneeId);
      const handlers = new Set(c.assigneeHistory.map((a) => a.staffId));
      for (const it of timeline) {
        expect(it.customerId).toBe(c.customerId);
        if (it.direction === 'inbound') expect(it.authorId).toBeNull();
        else expect(handlers.has(it.authorId!)).toBe(true);
      }
    }
  });

  it('has video chats continued in a store, and video chats still awaiting the store visit', () => {
    const phones = new Map(medium.customers.map((c) => [c.id, c.phones]));
    const videoCases = medium.cases.filter((c) => c.originChannel === 'video' && c.storeId !== null);
    const visited = videoCases.filter((c) => timelineOf(c).some((i) => i.kind === 'store'));
    const awaited = videoCases.filter((c) => c.status === 'pending' && !timelineOf(c).some((i) => i.kind === 'store'));
    expect(visited.length).toBeGreaterThanOrEqual(3);
    expect(awaited.length).toBeGreaterThanOrEqual(3);
    for (const c of [...visited, ...awaited]) {
      expect(['q-stores', 'q-hotline']).toContain(c.queueId);
      expect(phones.get(c.customerId)?.length).toBeGreaterThan(0);
      const video = timelineOf(c)[0];
      expect(video.kind).toBe('video');
      expect(video.meta.summary).toBeTruthy();
      expect(video.meta.notes).toBeTruthy();
      expect(video.meta.sessionLengthSec).toBeGreaterThan(0);
    }
    for (const c of visited) {
      const visit = timelineOf(c).find((i) => i.kind === 'store')!;
      expect(visit.meta.storeId).toBe(c.storeId);
      expect(visit.meta.staffId).toBeTruthy();
      expect(c.status === 'resolved' || c.status === 'closed').toBe(true);
    }
  });

  it('records phone calls and in-store visits with their details', () => {
    const calls = medium.interactions.filter((i) => i.kind === 'phone');
    expect(calls.every((i) => typeof i.meta.durationSec === 'number' && i.meta.outcome !== undefined)).toBe(true);
    expect(calls.some((i) => i.meta.notes)).toBe(true);
    const visits = medium.interactions.filter((i) => i.kind === 'store' && i.direction === 'inbound');
    expect(visits.every((i) => i.meta.storeId)).toBe(true);
  });
});

describe('generateDemoOrg: options', () => {
  it('rejects impossible scale knobs and batch sizes', () => {
    expect(() => generateDemoOrg({ ...small, customers: -1 })).toThrow(RangeError);
    expect(() => [...generateDemoOrg(small).batches(0)]).toThrow(RangeError);
  });
});
