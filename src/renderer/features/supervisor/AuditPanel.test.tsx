// @vitest-environment jsdom
import '../../test/setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InputOf } from '../../../shared/ipc/contract';
import { NOW } from '../../test/builders';
import { anAuditEntry, consoleState, freezeClock, openTab, renderConsole } from '../../test/renderConsole';

freezeClock();

function auditTrail() {
  const state = consoleState();
  state.audit = [
    anAuditEntry({ id: 'au1' }),
    anAuditEntry({
      id: 'au2',
      action: 'staff.status',
      targetType: 'staff',
      targetId: 'a2',
      queueId: null,
      caseId: null,
      before: { status: 'busy' },
      after: { status: 'away' },
      at: NOW - 5 * 60_000,
    }),
    anAuditEntry({ id: 'au3', actorId: 'a1', action: 'alert.close', targetType: 'alert', targetId: 'al1', queueId: 'q-email', caseId: 'c4', before: null, after: null, at: NOW - 60_000 }),
  ];
  return state;
}

/** The engine's audit query, answered from `state.audit` as the hub would filter it. */
function renderAudit(state = auditTrail()) {
  return renderConsole({
    state,
    handlers: {
      'audit.query': (input: InputOf<'audit.query'>) => ({
        entries: state.audit.filter(
          (e) => (!input.actorId || e.actorId === input.actorId) && (!input.queueId || e.queueId === input.queueId) && (!input.caseId || e.caseId === input.caseId),
        ),
      }),
    },
  });
}

/** The rows shown: who, action, detail, case (the time is left out). */
const rows = () => screen.queryAllByTestId('audit-entry').map((r) => [...r.children].slice(1).map((c) => c.textContent));

describe('AuditPanel', () => {
  it('asks the hub for the newest entries and says who did what, to whom, on which case', async () => {
    const { fake } = renderAudit();
    await openTab('Audit');
    await waitFor(() => expect(screen.getByTestId('audit-count').textContent).toBe('3 entries'));
    expect(fake.calls('audit.query')).toEqual([{ limit: 500 }]);
    expect(rows()).toEqual([
      ['Sofia Supervisor', 'Reassigned a case', 'from Anna Nowak to queue Email desk', 'c3'],
      ['Sofia Supervisor', 'Changed a status', 'Piotr Zieliński: Busy → Away', ''],
      ['Anna Nowak', 'Closed an alert', 'al1', 'c4'],
    ]);
  });

  it('filters by person, queue and case, each sent to the hub', async () => {
    const { fake } = renderAudit();
    const panel = await openTab('Audit');
    await waitFor(() => expect(rows()).toHaveLength(3));

    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Person' }), 'Sofia Supervisor');
    await waitFor(() => expect(fake.calls('audit.query').at(-1)).toEqual({ limit: 500, actorId: 'sup' }));
    await waitFor(() => expect(rows()).toHaveLength(2));

    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Queue' }), 'Chat support');
    await waitFor(() => expect(fake.calls('audit.query').at(-1)).toEqual({ limit: 500, actorId: 'sup', queueId: 'q-chat' }));
    await waitFor(() => expect(rows()).toEqual([['Sofia Supervisor', 'Reassigned a case', 'from Anna Nowak to queue Email desk', 'c3']]));

    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Person' }), 'Anyone');
    await userEvent.selectOptions(within(panel).getByRole('combobox', { name: 'Queue' }), 'Any queue');
    await userEvent.type(within(panel).getByRole('textbox', { name: 'Case' }), ' c4 ');
    await waitFor(() => expect(fake.calls('audit.query').at(-1)).toEqual({ limit: 500, caseId: 'c4' }));
    await waitFor(() => expect(rows()).toEqual([['Anna Nowak', 'Closed an alert', 'al1', 'c4']]));
    expect(screen.getByTestId('audit-count').textContent).toBe('1 entry');
  });

  it('reads the trail again when a case, staff member or alert changed', async () => {
    const { state, fake } = renderAudit();
    await openTab('Audit');
    await waitFor(() => expect(rows()).toHaveLength(3));
    state.audit = [anAuditEntry({ id: 'au4', targetId: 'c1', caseId: 'c1', before: { assigneeId: null, queueId: 'q-chat' }, after: { assigneeId: 'a3', queueId: 'q-chat' }, at: NOW }), ...state.audit];
    act(() => fake.emit('data.changed', { entities: { case: ['c1'] }, outbox: false }));
    await waitFor(() => expect(rows()[0]).toEqual(['Sofia Supervisor', 'Reassigned a case', 'from queue Chat support to Eleni Papadopoulou', 'c1']));
  });

  it('says why the trail cannot be read (it needs the link to the hub)', async () => {
    renderConsole({ handlers: { 'audit.query': () => ({ ok: false, error: { code: 'hub-unreachable', message: 'offline' } }) } });
    const panel = await openTab('Audit');
    expect((await within(panel).findByRole('alert')).textContent).toBe('The server cannot be reached.');
    expect(screen.getByTestId('audit-count').textContent).toBe('0 entries');
  });
});
