/**
 * Test rows: one builder per synced entity, giving a row that passes its domain schema, with every field
 * filled in and the defaults pointing at one another (case ca1 of customer cu1 in queue q1, staff st1); a test
 * passes what it is about (`kase({ id: 'c1', status: 'new' })`). For workstation and hub tests alike.
 * Pure TypeScript (no node: imports): it runs wherever a test does.
 */
import type { Alert, CannedResponse, Case, CsatResponse, Customer, Delivery, HeldReply, Interaction, KbArticle, Queue, Staff, StoreLocation } from '../domain';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

export const customer = (over: Partial<Customer> = {}): Customer => ({
  id: 'cu1',
  name: 'Anna Kowalska',
  emails: ['anna.kowalska@example.com'],
  phones: ['+48601234567'],
  handles: [],
  loyaltyNumber: 'LOY-10001',
  language: 'pl',
  storeId: null,
  tags: [],
  consent: { email: true, sms: true, marketing: false },
  mergedInto: null,
  createdAt: T0,
  updatedAt: T0,
  version: 1,
  ...over,
});

export const kase = (over: Partial<Case> = {}): Case => ({
  id: 'ca1',
  customerId: 'cu1',
  subject: 'Broken kettle',
  status: 'open',
  priority: 'normal',
  queueId: 'q1',
  assigneeId: null,
  storeId: null,
  originChannel: 'chat',
  channels: ['chat'],
  lastChannel: 'chat',
  firstResponseDueAt: T0 + 60_000,
  nextResponseDueAt: null,
  firstRespondedAt: null,
  slaBreachedAt: null,
  lastInboundAt: T0,
  lastOutboundAt: null,
  lastMessageId: 'in1',
  inboundCount: 1,
  csatScore: null,
  assigneeHistory: [],
  createdAt: T0,
  updatedAt: T0,
  resolvedAt: null,
  version: 1,
  ...over,
});

export const interaction = (over: Partial<Interaction> = {}): Interaction => ({
  id: 'in1',
  caseId: 'ca1',
  customerId: 'cu1',
  kind: 'chat',
  direction: 'inbound',
  text: 'My kettle stopped working',
  subject: null,
  authorId: null,
  externalId: null,
  meta: {},
  createdAt: T0,
  ...over,
});

export const queue = (over: Partial<Queue> = {}): Queue => ({
  id: 'q1',
  name: 'Support',
  channels: ['chat', 'email'],
  languages: ['en', 'pl'],
  skills: [],
  sla: { firstResponseMinutes: 60, nextResponseMinutes: 240 },
  csatAlertThreshold: 4,
  alertStaffIds: [],
  alertAckMinutes: 30,
  memberIds: ['st1'],
  archived: false,
  version: 1,
  ...over,
});

export const staff = (over: Partial<Staff> = {}): Staff => ({
  id: 'st1',
  username: 'agent1',
  name: 'Agent One',
  role: 'agent',
  skills: [],
  languages: ['en'],
  capacity: { chat: 3, email: 5, phone: 1, video: 1, social: 3, sms: 3, store: 1 },
  status: 'available',
  statusSince: T0,
  storeId: null,
  active: true,
  version: 1,
  ...over,
});

export const alert = (over: Partial<Alert> = {}): Alert => ({
  id: 'al1',
  caseId: 'ca1',
  customerId: 'cu1',
  queueId: 'q1',
  reason: 'low-csat',
  score: 2,
  comment: null,
  status: 'raised',
  raisedAt: T0,
  notifiedStaffIds: ['st1'],
  acknowledgedAt: null,
  acknowledgedBy: null,
  followUpStaffId: null,
  escalatedAt: null,
  closedAt: null,
  outcome: null,
  version: 1,
  ...over,
});

export const held = (over: Partial<HeldReply> = {}): HeldReply => ({
  id: 'he1',
  caseId: 'ca1',
  authorId: 'st1',
  channel: 'chat',
  text: 'Sorry for the wait',
  subject: null,
  reason: 'newer-message',
  status: 'held',
  createdAt: T0,
  resolvedAt: null,
  ...over,
});

export const delivery = (over: Partial<Delivery> = {}): Delivery => ({
  id: 'de1',
  caseId: 'ca1',
  customerId: 'cu1',
  interactionId: 'in1',
  channel: 'chat',
  purpose: 'reply',
  to: { kind: 'handle', value: 'chat:anna' },
  authorId: 'st1',
  status: 'queued',
  attempts: 0,
  nextAttemptAt: T0,
  lastError: null,
  providerMessageId: null,
  createdAt: T0,
  updatedAt: T0,
  version: 1,
  ...over,
});

export const storeLocation = (over: Partial<StoreLocation> = {}): StoreLocation => ({
  id: 'sl1',
  name: 'Warsaw Centre',
  city: 'Warsaw',
  ...over,
});

export const kb = (over: Partial<KbArticle> = {}): KbArticle => ({
  id: 'kb1',
  queueId: null,
  language: 'en',
  title: 'Returning a kettle',
  body: 'How to return a kettle',
  tags: [],
  status: 'published',
  updatedAt: T0,
  ...over,
});

export const canned = (over: Partial<CannedResponse> = {}): CannedResponse => ({
  id: 'cn1',
  queueId: null,
  language: 'en',
  shortcut: 'thanks',
  title: 'Thank you',
  body: 'Thank you for contacting us',
  ...over,
});

export const csat = (over: Partial<CsatResponse> = {}): CsatResponse => ({
  id: 'cs1',
  caseId: 'ca1',
  customerId: 'cu1',
  queueId: 'q1',
  score: 9,
  comment: null,
  createdAt: T0,
  ...over,
});
