/**
 * The case view under test: one case (c1 of Jan Kowalski, on chat, email, phone, video and store, unless the test
 * gives another case or customer) with the
 * timeline, held replies and deliveries a test gives, rendered against a fake engine whose changes answer
 * "queued". `handlers` replace any channel.
 */
import { vi } from 'vitest';
import type { Customer, HeldReply, Interaction } from '../../shared/domain';
import type { OutputOf } from '../../shared/ipc/contract';
import { CaseView } from '../features/case/CaseView';
import { aCase, aCustomer, aQueue, aSession, aStaff } from './builders';
import { fakeApi, type FakeHandlers } from './fakeApi';
import { renderWithProviders } from './renderWithProviders';

type CaseViewData = OutputOf<'case.view'>;

export function renderCase({
  timeline,
  held = [],
  deliveries = [],
  kase = aCase({ channels: ['chat', 'email', 'phone', 'video', 'store'], lastChannel: 'chat', subject: 'Cracked screen' }),
  customer = aCustomer(),
  history = 'whole',
  handlers = {},
}: {
  timeline: (Interaction & { local: CaseViewData['timeline'][number]['local'] })[];
  held?: HeldReply[];
  deliveries?: CaseViewData['deliveries'];
  kase?: CaseViewData['case'];
  customer?: Customer;
  /** Whether the timeline is whole, or older history is on its way or missing (see `case.view`). */
  history?: CaseViewData['history'];
  handlers?: FakeHandlers;
}) {
  const fake = fakeApi({
    // A copy per read, as the engine's answers cross a process boundary: a test may change the rows and read again.
    'case.view': () => structuredClone({ case: kase, customer: { ...customer, local: [] }, timeline, held, deliveries, history }),
    'session.current': () => aSession(),
    'reference.org': () => ({
      queues: [aQueue()],
      staff: [{ ...aStaff(), local: [] }, { ...aStaff({ id: 's2', name: 'Piotr Zieliński', role: 'store' }), local: [] }],
      stores: [{ id: 'st1', name: 'Mokotów', city: 'Warszawa' }],
    }),
    'reference.knowledge': () => ({
      kb: [],
      canned: [{ id: 'k1', queueId: null, language: 'en', shortcut: 'sorry', title: 'Apology for the delay', body: 'I am sorry for the delay.' }],
    }),
    'assist.feedbackModel': () => ({ version: 1, kinds: {} }),
    'assist.recordFeedback': () => ({ version: 1, kinds: {} }),
    'presence.set': () => ({}),
    'case.reply': () => ({ mutationId: 'm1', state: 'pending' }),
    'case.note': () => ({ mutationId: 'm2', state: 'pending' }),
    'outbox.retry': () => ({ mutationId: 'm3', state: 'pending' }),
    'outbox.discard': () => ({}),
    'held.resolve': () => ({ mutationId: 'm4', state: 'pending' }),
    'delivery.retry': () => ({ mutationId: 'm5', state: 'pending' }),
    ...handlers,
  });
  const onClose = vi.fn();
  const onOpenCustomer = vi.fn();
  const view = renderWithProviders(<CaseView caseId={kase.id} onOpenCustomer={onOpenCustomer} onClose={onClose} />, { fake });
  return { ...view, onClose, onOpenCustomer };
}
