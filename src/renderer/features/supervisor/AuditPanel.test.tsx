// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionsOfGroup, type AuditEntry } from '../../../shared/domain';
import type { InputOf } from '../../../shared/ipc/contract';
import { aCase, NOW } from '../../test/builders';
import { anAuditEntry, consoleState, freezeClock, openTab, renderConsole } from '../../test/renderConsole';
import { startOfDay } from './useSupervisorData';
import { AUDIT_PAGE } from './AuditPanel';

freezeClock();
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Subjects the hub answers with its entries: c9 is not on today's dashboard. */
const SUBJECTS = { c3: 'Refund', c4: 'Invoice', c9: 'Lost parcel, "urgent"' };

function auditTrail() {
  const state = consoleState();
  state.audit = [
    anAuditEntry({ id: 'au1', actorId: 'a1', action: 'case.reply', caseId: 'c9', targetId: 'c9', before: null, after: { channel: 'chat', excerpt: 'It ships today' }, at: NOW - 60_000 }),
    anAuditEntry({ id: 'au2', actorId: 'a2', action: 'case.status', caseId: 'c4', targetId: 'c4', queueId: 'q-email', before: { status: 'open' }, after: { status: 'pending' }, at: NOW - 2 * 60_000 }),
    anAuditEntry({
      id: 'au3',
      actorId: 'hub',
      action: 'delivery.failed',
      targetType: 'delivery',
      targetId: 'd1',
      caseId: 'c9',
      before: { status: 'queued' },
      after: { status: 'failed', channel: 'sms', attempts: 3, error: 'number not in service' },
      at: NOW - 3 * 60_000,
    }),
    anAuditEntry({ id: 'au4', at: NOW - 4 * 60_000 }),
    anAuditEntry({ id: 'au5', actorId: 'a1', action: 'case.handBack', caseId: 'c3', targetId: 'c3', before: { assigneeId: 'a1', queueId: 'q-chat' }, after: { assigneeId: null, queueId: 'q-chat' }, at: NOW - 5 * 60_000 }),
  ];
  return state;
}

/** The engine's audit query, answered from `state.audit` as the hub would filter and page it. */
function answer(entries: AuditEntry[], input: InputOf<'audit.query'>) {
  const actions = input.group ? actionsOfGroup(input.group) : null;
  const found = entries.filter(
    (e) =>
      (!input.actorId || e.actorId === input.actorId) &&
      (!input.queueId || e.queueId === input.queueId) &&
      (!input.caseId || e.caseId === input.caseId) &&
      (!actions || actions.includes(e.action)) &&
      (input.from === undefined || e.at >= input.from) &&
      (input.before === undefined || e.at < input.before || (e.at === input.before && e.id < input.beforeId!)),
  );
  return { entries: found.slice(0, input.limit ?? 100), caseSubjects: SUBJECTS };
}

function renderAudit(state = auditTrail(), lng: 'en' | 'pl' | 'el' = 'en') {
  return renderConsole({
    state,
    lng,
    handlers: {
      'audit.query': (input: InputOf<'audit.query'>) => answer(state.audit, input),
      // The workstation's search over its cache: finds c9 (not on today's dashboard) by its subject.
      'search.query': ({ query }: InputOf<'search.query'>) => ({
        customers: [],
        cases: 'lost parcel'.includes(query.toLowerCase()) ? [aCase({ id: 'c9', subject: SUBJECTS.c9, customerId: 'cu9' })] : [],
        messages: [],
        customerNames: { cu9: 'Ola Lis' },
      }),
    },
  });
}

/** A blob's bytes (jsdom's Blob has no arrayBuffer()). */
const bytesOf = (blob: Blob) =>
  new Promise<ArrayBuffer>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.readAsArrayBuffer(blob);
  });

/** The rows shown: sentence, case, queue (the time is left out). */
const rows = () => screen.queryAllByTestId('audit-entry').map((r) => [...r.children].slice(1).map((c) => c.textContent));

describe('AuditPanel', () => {
  it('reads each entry as a sentence, naming cases by subject and the hub’s own doings as the server’s', async () => {
    const { fake } = renderAudit();
    await openTab('Audit');
    await waitFor(() => expect(screen.getByTestId('audit-count').textContent).toBe('5 entries'));
    expect(fake.calls('audit.query')).toEqual([{ limit: AUDIT_PAGE }]);
    expect(rows()).toEqual([
      ['Anna Nowak replied on “Lost parcel, "urgent"”: “It ships today”', 'Lost parcel, "urgent"', 'Chat support'],
      ['Piotr Zieliński changed the status of “Invoice” from Open to Pending', 'Invoice', 'Email desk'],
      ['A message on “Lost parcel, "urgent"” did not reach the customer by SMS after 3 attempts: number not in service', 'Lost parcel, "urgent"', 'Chat support'],
      ['Sofia Supervisor moved “Refund” from Anna Nowak to queue Email desk', 'Refund', 'Chat support'],
      ['Anna Nowak handed “Refund” back to queue Chat support (now: queue Chat support)', 'Refund', 'Chat support'],
    ]);
  });

  it('reads routing by the hub: a case given to someone, and an unanswered offer taken back to its queue', async () => {
    const state = auditTrail();
    state.audit = [
      anAuditEntry({ id: 'r2', actorId: 'hub', action: 'case.routed', caseId: 'c4', targetId: 'c4', before: { assigneeId: 'a1' }, after: { assigneeId: null, queueId: 'q-chat' }, at: NOW - 60_000 }),
      anAuditEntry({ id: 'r1', actorId: 'hub', action: 'case.routed', caseId: 'c4', targetId: 'c4', before: { assigneeId: null }, after: { assigneeId: 'a1', queueId: 'q-chat' }, at: NOW - 2 * 60_000 }),
    ];
    renderAudit(state);
    await openTab('Audit');
    await waitFor(() => expect(rows().map((r) => r[0])).toEqual([
      'The server took “Invoice” back to queue Chat support: nobody had answered the offer',
      'The server routed “Invoice” to Anna Nowak',
    ]));
  });

  it('says the plural of attempts right in Polish and Greek', async () => {
    const state = auditTrail();
    state.audit = [anAuditEntry({ id: 'f2', actorId: 'hub', action: 'delivery.failed', caseId: 'c4', after: { channel: 'email', attempts: 2, error: 'x' } })];
    const pl = renderAudit(state, 'pl');
    await openTab(/Dziennik/);
    await waitFor(() => expect(rows()[0]?.[0]).toBe('Wiadomość w sprawie „Invoice” nie dotarła do klienta (E-mail) po 2 próbach: x'));
    pl.unmount();
    state.audit = [anAuditEntry({ id: 'f1', actorId: 'hub', action: 'delivery.failed', caseId: 'c4', after: { channel: 'email', attempts: 1, error: 'x' } })];
    renderAudit(state, 'el');
    await openTab(/Ιστορικό/);
    await waitFor(() => expect(rows()[0]?.[0]).toMatch(/μετά από 1 προσπάθεια: x$/));
  });

  it('filters by person, kind, period and queue, each sent to the hub', async () => {
    const { fake } = renderAudit();
    const panel = await openTab('Audit');
    await waitFor(() => expect(rows()).toHaveLength(5));

    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Person' }), 'Anna Nowak');
    await waitFor(() => expect(fake.calls('audit.query').at(-1)).toEqual({ limit: AUDIT_PAGE, actorId: 'a1' }));
    await waitFor(() => expect(rows()).toHaveLength(2));

    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Kind' }), 'Replies');
    await waitFor(() => expect(fake.calls('audit.query').at(-1)).toEqual({ limit: AUDIT_PAGE, actorId: 'a1', group: 'replies' }));
    await waitFor(() => expect(rows()).toHaveLength(1));

    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Person' }), 'Anyone');
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Kind' }), 'Everything');
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Period' }), 'Last 7 days');
    await waitFor(() => expect(fake.calls('audit.query').at(-1)).toEqual({ limit: AUDIT_PAGE, from: startOfDay(NOW) - 6 * 86_400_000 }));
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Queue' }), 'Email desk');
    await waitFor(() => expect(fake.calls('audit.query').at(-1)).toMatchObject({ queueId: 'q-email' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.getByTestId('audit-count').textContent).toBe('1 entry');
  });

  it('finds a case by its subject and shows its trail, by subject, until cleared', async () => {
    const { fake } = renderAudit();
    const panel = await openTab('Audit');
    await userEvent.type(within(panel).getByRole('textbox', { name: 'Case' }), 'lost');
    const match = await within(panel).findByRole('button', { name: /^Lost parcel, "urgent" · Ola Lis · #/ });
    await userEvent.click(match);
    await waitFor(() => expect(fake.calls('audit.query').at(-1)).toEqual({ limit: AUDIT_PAGE, caseId: 'c9' }));
    expect(within(panel).getByTestId('audit-picked-case').textContent).toBe('Case: Lost parcel, "urgent"');
    await waitFor(() => expect(rows()).toHaveLength(2));
    // Today's cases are found by subject too, without the search.
    await userEvent.click(within(panel).getByRole('button', { name: 'Show every case, not only Lost parcel, "urgent"' }));
    await userEvent.type(within(panel).getByRole('textbox', { name: 'Case' }), 'invo');
    await userEvent.click(await within(panel).findByRole('button', { name: /^Invoice · / }));
    await waitFor(() => expect(fake.calls('audit.query').at(-1)).toEqual({ limit: AUDIT_PAGE, caseId: 'c4' }));
  });

  it('loads older entries page by page, continuing from the last one shown', async () => {
    const state = consoleState();
    // A full page and 30 more; pairs share their time, as entries of one change do.
    state.audit = Array.from({ length: AUDIT_PAGE + 30 }, (_, i) =>
      anAuditEntry({ id: `au${String(999 - i).padStart(3, '0')}`, at: NOW - Math.floor(i / 2) * 1_000 }),
    );
    const { fake } = renderAudit(state);
    const panel = await openTab('Audit');
    await waitFor(() => expect(rows()).toHaveLength(AUDIT_PAGE));
    const last = state.audit[AUDIT_PAGE - 1];
    await userEvent.click(within(panel).getByRole('button', { name: 'Load older' }));
    await waitFor(() => expect(screen.getByTestId('audit-count').textContent).toBe(`${AUDIT_PAGE + 30} entries`));
    expect(fake.calls('audit.query').at(-1)).toEqual({ limit: AUDIT_PAGE, before: last.at, beforeId: last.id });
    expect(within(panel).queryByRole('button', { name: 'Load older' })).toBeNull();
  });

  it('exports the filtered trail as CSV, as shown', async () => {
    const created: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), 'blob:csv'), revokeObjectURL: () => {} }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderAudit();
    const panel = await openTab('Audit');
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Person' }), 'Anna Nowak');
    await waitFor(() => expect(rows()).toHaveLength(2));
    await userEvent.click(within(panel).getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytesOf(created.at(-1)!));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('\uFEFFWhen,Who,Action,What happened,Case,Queue');
    expect(lines[1]).toMatch(/^"[^"]+",Anna Nowak,Replied,"Anna Nowak replied on “Lost parcel, ""urgent""”: “It ships today”","Lost parcel, ""urgent""",Chat support$/);
    expect(lines[2]).toMatch(/,Anna Nowak,Handed a case back,.*,Refund,Chat support$/);
    expect(lines).toHaveLength(4);
  });

  it('reads the trail again when a case, staff member or alert changed', async () => {
    const { state, fake } = renderAudit();
    await openTab('Audit');
    await waitFor(() => expect(rows()).toHaveLength(5));
    state.audit = [anAuditEntry({ id: 'au6', targetId: 'c1', caseId: 'c1', before: { assigneeId: null, queueId: 'q-chat' }, after: { assigneeId: 'a3', queueId: 'q-chat' }, at: NOW }), ...state.audit];
    act(() => fake.emit('data.changed', { entities: { case: ['c1'] }, outbox: false }));
    await waitFor(() => expect(rows()[0]).toEqual(['Sofia Supervisor moved “Broken kettle” from queue Chat support to Eleni Papadopoulou', 'Broken kettle', 'Chat support']));
  });

  it('says why the trail cannot be read (it needs the link to the hub)', async () => {
    renderConsole({ handlers: { 'audit.query': () => ({ ok: false, error: { code: 'hub-unreachable', message: 'offline' } }) } });
    const panel = await openTab('Audit');
    expect((await within(panel).findByRole('alert')).textContent).toBe('The server cannot be reached.');
    expect(screen.getByTestId('audit-count').textContent).toBe('0 entries');
  });
});
