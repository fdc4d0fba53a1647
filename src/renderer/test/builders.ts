import type { Case, Customer, Interaction, Queue, Staff } from '../../shared/domain';
import type { OutputOf, SessionView } from '../../shared/ipc/contract';

/** Test rows with sensible defaults; tests override only what they are about. */
export const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);

export function aCase(over: Partial<Case> = {}): OutputOf<'inbox.list'>['items'][number]['case'] {
  return {
    id: 'c1',
    customerId: 'cu1',
    subject: 'Order',
    status: 'open',
    priority: 'normal',
    queueId: 'q1',
    assigneeId: 's1',
    storeId: null,
    originChannel: 'chat',
    channels: ['chat'],
    lastChannel: 'chat',
    firstResponseDueAt: null,
    nextResponseDueAt: null,
    firstRespondedAt: null,
    slaBreachedAt: null,
    lastInboundAt: NOW - 60_000,
    lastOutboundAt: null,
    lastMessageId: 'i1',
    inboundCount: 1,
    csatScore: null,
    assigneeHistory: [],
    createdAt: NOW - 120_000,
    updatedAt: NOW - 60_000,
    resolvedAt: null,
    version: 1,
    local: [],
    ...over,
  };
}

export function aMessage(over: Partial<Interaction> = {}): Interaction & { local: [] } {
  return {
    id: 'i1',
    caseId: 'c1',
    customerId: 'cu1',
    kind: 'chat',
    direction: 'inbound',
    text: 'Hello',
    subject: null,
    authorId: null,
    externalId: null,
    meta: {},
    createdAt: NOW - 60_000,
    local: [],
    ...over,
  };
}

export function aCustomer(over: Partial<Customer> = {}): Customer {
  return {
    id: 'cu1',
    name: 'Jan Kowalski',
    emails: ['jan@example.pl'],
    phones: ['+48601234567'],
    handles: [],
    loyaltyNumber: null,
    language: 'pl',
    storeId: null,
    tags: [],
    consent: { email: true, sms: true, marketing: false },
    mergedInto: null,
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
    ...over,
  };
}

export function aStaff(over: Partial<Staff> = {}): Staff {
  return {
    id: 's1',
    username: 'anna',
    name: 'Anna Nowak',
    role: 'agent',
    skills: [],
    languages: ['en', 'pl'],
    capacity: { chat: 3, email: 3, phone: 1, video: 1, social: 2, sms: 2, store: 1 },
    status: 'available',
    statusSince: NOW,
    storeId: null,
    active: true,
    version: 1,
    ...over,
  };
}

export function aQueue(over: Partial<Queue> = {}): Queue {
  return {
    id: 'q1',
    name: 'Returns',
    channels: ['chat'],
    languages: ['en'],
    skills: [],
    sla: { firstResponseMinutes: 5, nextResponseMinutes: 5 },
    csatAlertThreshold: 4,
    alertStaffIds: [],
    alertAckMinutes: 5,
    memberIds: [],
    archived: false,
    version: 1,
    ...over,
  };
}

export function aSession(over: Partial<Staff> = {}): SessionView {
  return {
    staff: aStaff(over),
    scope: { all: false, queueIds: ['q1'], storeId: null, staffId: over.id ?? 's1' },
    policy: { maxOfflineHours: 72, idleLockMinutes: 15 },
    signedInOnline: true,
    reconnects: true,
    oldCache: null,
    mustChangePassword: false,
  };
}
