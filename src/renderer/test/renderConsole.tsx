/**
 * The supervisor console under test: its engine's answers as rows with sensible defaults (one organisation,
 * `consoleState`), rendered against a fake engine, with the clock frozen at NOW.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, vi } from 'vitest';
import type { AuditEntry, CsatResponse, Lang, Queue } from '../../shared/domain';
import type { OutboxItem, OutputOf } from '../../shared/ipc/contract';
import { alert } from '../../shared/testing/rows';
import { SupervisorConsole } from '../features/supervisor/SupervisorConsole';
import { NOW, aCase, aStaff } from './builders';
import { fakeApi, type FakeHandlers } from './fakeApi';
import { renderWithProviders } from './renderWithProviders';

type OrgStaff = OutputOf<'reference.org'>['staff'][number];
type DashboardCase = OutputOf<'supervisor.dashboard'>['cases'][number];
type ConsoleAlert = OutputOf<'alert.list'>[number];
type FailedDelivery = OutputOf<'supervisor.failedDeliveries'>[number];

export const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>';

export function aQueue(over: Partial<Queue> = {}): Queue {
  return {
    id: 'q-chat',
    name: 'Chat support',
    channels: ['chat'],
    languages: ['en', 'pl'],
    skills: [],
    sla: { firstResponseMinutes: 30, nextResponseMinutes: 30 },
    csatAlertThreshold: 4,
    alertStaffIds: [],
    alertAckMinutes: 15,
    memberIds: [],
    archived: false,
    version: 1,
    ...over,
  };
}

export const anOrgStaff = (over: Partial<OrgStaff> = {}): OrgStaff => ({ ...aStaff(over), local: over.local ?? [] });

export function aDashboardCase(over: Parameters<typeof aCase>[0] = {}, customerName: string | null = 'Jan Kowalski', sentiment: DashboardCase['sentiment'] = null): DashboardCase {
  return { case: aCase(over), customerName, sentiment };
}

/**
 * An alert in the console's organisation (case c3 of cu3 in the chat queue, Maria's refund held by Anna, raised 7
 * minutes ago), without local changes.
 */
export const anAlert = ({ local = [], case: kase = { subject: 'Refund', assigneeId: 'a1', queueId: 'q-chat', customerName: 'Maria Wiśniewska' }, ...over }: Partial<ConsoleAlert> = {}): ConsoleAlert => ({
  ...alert({ caseId: 'c3', customerId: 'cu3', queueId: 'q-chat', raisedAt: NOW - 7 * 60_000, notifiedStaffIds: ['sup'], ...over }),
  local,
  case: kase,
});

export function anAuditEntry(over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 'au1',
    actorId: 'sup',
    action: 'case.reassign',
    targetType: 'case',
    targetId: 'c3',
    queueId: 'q-chat',
    caseId: 'c3',
    before: { assigneeId: 'a1', queueId: 'q-chat' },
    after: { assigneeId: null, queueId: 'q-email' },
    at: NOW - 10 * 60_000,
    ...over,
  };
}

/**
 * The organisation the console tests look at:
 * - queues Chat support (Anna, Piotr, Eleni) and Email desk (Piotr);
 * - agents Anna (available), Piotr (busy), Eleni (away); a supervisor; a store clerk (never a move target);
 * - open cases: c1 and c2 waiting in Chat (5 and 12 minutes), c3 Anna's, c4 Piotr's in Email; c5 resolved.
 */
export function consoleState() {
  return {
    queues: [aQueue({ memberIds: ['a1', 'a2', 'a3'] }), aQueue({ id: 'q-email', name: 'Email desk', channels: ['email'], memberIds: ['a2'] })],
    staff: [
      anOrgStaff({ id: 'a1', name: 'Anna Nowak', status: 'available', statusSince: NOW - 20 * 60_000 }),
      anOrgStaff({ id: 'a2', username: 'piotr', name: 'Piotr Zieliński', status: 'busy', statusSince: NOW - 3 * 60_000 }),
      anOrgStaff({ id: 'a3', username: 'eleni', name: 'Eleni Papadopoulou', status: 'away', statusSince: NOW - 60 * 60_000 }),
      anOrgStaff({ id: 'sup', username: 'sofia', name: 'Sofia Supervisor', role: 'supervisor' }),
      anOrgStaff({ id: 'st1', username: 'olga', name: 'Olga Store', role: 'store', storeId: 'waw' }),
    ],
    cases: [
      aDashboardCase({ id: 'c1', queueId: 'q-chat', assigneeId: null, subject: 'Broken kettle', lastInboundAt: NOW - 5 * 60_000 }, 'Jan Kowalski'),
      aDashboardCase({ id: 'c2', queueId: 'q-chat', assigneeId: null, subject: 'Parcel late', lastInboundAt: NOW - 12 * 60_000 }, 'Greta Braun', 'negative'),
      aDashboardCase({ id: 'c3', queueId: 'q-chat', assigneeId: 'a1', subject: 'Refund', customerId: 'cu3' }, 'Maria Wiśniewska'),
      aDashboardCase({ id: 'c4', queueId: 'q-email', assigneeId: 'a2', subject: 'Invoice', customerId: 'cu4', lastChannel: 'email', channels: ['email'] }, 'Tom Smith'),
      aDashboardCase({ id: 'c5', queueId: 'q-chat', assigneeId: 'a1', subject: 'Old question', status: 'resolved' }, 'Closed Customer'),
    ],
    csat: [] as CsatResponse[],
    alerts: [] as ConsoleAlert[],
    failedDeliveries: [] as FailedDelivery[],
    outbox: [] as OutboxItem[],
    audit: [] as AuditEntry[],
  };
}
export type ConsoleState = ReturnType<typeof consoleState>;

let queued = 0;
const answerQueued = () => ({ mutationId: `m-${++queued}`, state: 'pending' as const });

/**
 * The engine's two dashboard reads over the same data: whole, and the live update for the cases a
 * `data.changed` names (cases not on `read()`'s dashboard are `gone`).
 */
export function dashboardHandlers(read: () => { cases: DashboardCase[]; csat: OutputOf<'supervisor.dashboard'>['csat'] }): FakeHandlers {
  return {
    'supervisor.dashboard': () => read(),
    'supervisor.dashboardChanges': ({ cases: ids, csat: csatIds }) => {
      const { cases, csat } = read();
      return {
        cases: cases.filter((c) => ids.includes(c.case.id)),
        gone: ids.filter((id) => !cases.some((c) => c.case.id === id)),
        csat: csat.filter((r) => csatIds.includes(r.id)),
      };
    },
  };
}

/**
 * Renders the supervisor console against a fake engine answering from `state` (mutable: change it, then emit
 * `data.changed`). Changes answer "queued"; `handlers` replace any channel.
 */
export function renderConsole({ state = consoleState(), lng = 'en' as Lang, handlers = {} as FakeHandlers } = {}) {
  const fake = fakeApi({
    ...dashboardHandlers(() => ({ cases: state.cases, csat: state.csat })),
    'reference.org': () => ({ queues: state.queues, staff: state.staff, stores: [] }),
    'alert.list': () => state.alerts,
    'supervisor.failedDeliveries': () => structuredClone(state.failedDeliveries),
    'outbox.list': () => state.outbox,
    'audit.query': () => ({ entries: state.audit }),
    'supervisor.reassign': answerQueued,
    'supervisor.reassignAll': answerQueued,
    'supervisor.updateStaff': answerQueued,
    'alert.acknowledge': answerQueued,
    'alert.assign': answerQueued,
    'alert.close': answerQueued,
    'delivery.retry': answerQueued,
    'outbox.retry': answerQueued,
    'outbox.discard': () => ({}),
    ...handlers,
  });
  const onOpenCase = vi.fn();
  const view = renderWithProviders(<SupervisorConsole onOpenCase={onOpenCase} />, { fake, lng });
  return { ...view, state, onOpenCase };
}

/** Opens a tab of the console (by its visible name) and answers its panel. */
export async function openTab(name: string | RegExp) {
  await userEvent.click(await screen.findByRole('tab', { name }));
  return screen.findByRole('tabpanel');
}

/**
 * Freezes `Date` (only) at NOW for each test: waits, "for 12 min" and "today" read the same on every run, while
 * real timers keep userEvent and findBy* working.
 */
export function freezeClock() {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
