import {
  DEFAULT_CAPACITY,
  QueueSchema,
  StaffSchema,
  StoreLocationSchema,
  type Channel,
  type Lang,
  type Queue,
  type Role,
  type Staff,
  type StoreLocation,
} from '../../shared/domain';
import { generatePassword } from './passwords';
import type { Random } from './random';

/** The demo organisation's two stores; video-chat cases continue in them. */
export const STORE_LOCATIONS: readonly StoreLocation[] = [
  { id: 'store-warsaw', name: 'Warszawa – Nowy Świat', city: 'Warszawa', country: 'PL' },
  { id: 'store-athens', name: 'Αθήνα – Ερμού', city: 'Αθήνα', country: 'GR' },
].map((s) => StoreLocationSchema.parse(s));

/** Ids of the four demo queues. */
export type QueueId = 'q-online' | 'q-hotline' | 'q-stores' | 'q-social';

/** A member of the demo staff, before the run-specific parts (password, timestamps) are added. */
export interface RosterEntry {
  id: string;
  username: string;
  name: string;
  role: Role;
  languages: Lang[];
  skills: string[];
  queues: QueueId[];
  storeId: string | null;
}

/** Skill every member of a queue has; the queue requires it, so routing only offers work to its members. */
const QUEUE_SKILL: Readonly<Record<QueueId, string>> = {
  'q-online': 'written',
  'q-hotline': 'voice',
  'q-stores': 'in-store',
  'q-social': 'social-media',
};

/** Everyone on the demo staff. Supervisors and the team lead receive the red alerts of every queue. */
export const STAFF_ROSTER: readonly RosterEntry[] = [
  { id: 'st-maria', username: 'maria.sup', name: 'Maria Nowak', role: 'supervisor', languages: ['pl', 'en'],
    skills: ['written', 'voice', 'social-media'], queues: ['q-online', 'q-hotline', 'q-social'], storeId: null },
  { id: 'st-dimitris', username: 'dimitris.sup', name: 'Δημήτρης Γεωργίου', role: 'supervisor',
    languages: ['el', 'en'], skills: ['voice', 'in-store', 'video'], queues: ['q-hotline', 'q-stores'], storeId: null },
  { id: 'st-admin', username: 'admin', name: 'Alex Morgan', role: 'admin', languages: ['en'], skills: [], queues: [],
    storeId: null },
  { id: 'st-kasia', username: 'kasia', name: 'Katarzyna Zielińska', role: 'agent', languages: ['pl', 'en'],
    skills: ['written', 'voice', 'team-lead', 'billing'], queues: ['q-online', 'q-hotline'], storeId: null },
  { id: 'st-anna', username: 'anna', name: 'Anna Wiśniewska', role: 'agent', languages: ['pl', 'en'],
    skills: ['written', 'social-media', 'returns'], queues: ['q-online', 'q-social'], storeId: null },
  { id: 'st-piotr', username: 'piotr', name: 'Piotr Lewandowski', role: 'agent', languages: ['pl', 'en'],
    skills: ['voice', 'video', 'in-store', 'devices'], queues: ['q-hotline', 'q-stores'], storeId: null },
  { id: 'st-nikos', username: 'nikos', name: 'Νίκος Παπαδάκης', role: 'agent', languages: ['el', 'en'],
    skills: ['voice', 'video', 'in-store', 'devices'], queues: ['q-hotline', 'q-stores'], storeId: null },
  { id: 'st-eleni', username: 'eleni', name: 'Ελένη Κωνσταντίνου', role: 'agent', languages: ['el', 'en'],
    skills: ['written', 'social-media', 'billing'], queues: ['q-online', 'q-social'], storeId: null },
  { id: 'st-james', username: 'james', name: 'James Carter', role: 'agent', languages: ['en', 'pl'],
    skills: ['written', 'voice', 'billing'], queues: ['q-online', 'q-hotline'], storeId: null },
  { id: 'st-sophie', username: 'sophie', name: 'Sophie Turner', role: 'agent', languages: ['en', 'el'],
    skills: ['written', 'social-media', 'returns'], queues: ['q-online', 'q-social'], storeId: null },
  { id: 'st-ewa', username: 'ewa', name: 'Ewa Dąbrowska', role: 'store', languages: ['pl', 'en'],
    skills: ['in-store', 'video', 'devices'], queues: ['q-stores'], storeId: 'store-warsaw' },
  { id: 'st-marek', username: 'marek', name: 'Marek Kamiński', role: 'store', languages: ['pl'],
    skills: ['in-store', 'returns'], queues: ['q-stores'], storeId: 'store-warsaw' },
  { id: 'st-giorgos', username: 'giorgos', name: 'Γιώργος Αλεξίου', role: 'store', languages: ['el', 'en'],
    skills: ['in-store', 'video', 'devices'], queues: ['q-stores'], storeId: 'store-athens' },
  { id: 'st-sofia', username: 'sofia', name: 'Σοφία Νικολάου', role: 'store', languages: ['el'],
    skills: ['in-store', 'returns'], queues: ['q-stores'], storeId: 'store-athens' },
];

/** Staff who receive every queue's red alerts: the supervisors and the team lead. */
const ALERT_STAFF_IDS = ['st-maria', 'st-dimitris', 'st-kasia'];

interface QueueDefinition {
  id: QueueId;
  name: string;
  channels: Channel[];
  languages: Lang[];
  firstResponseMinutes: number;
  nextResponseMinutes: number;
}

// One SLA per queue (the schema has no per-channel policy): each queue takes the policy of its main channel.
const QUEUE_DEFINITIONS: readonly QueueDefinition[] = [
  { id: 'q-online', name: 'Online chat', channels: ['chat', 'email', 'sms'], languages: ['en', 'pl', 'el'],
    firstResponseMinutes: 5, nextResponseMinutes: 10 },
  { id: 'q-hotline', name: 'Hotline', channels: ['phone', 'video'], languages: ['en', 'pl', 'el'],
    firstResponseMinutes: 2, nextResponseMinutes: 30 },
  { id: 'q-stores', name: 'Stores', channels: ['store', 'video'], languages: ['en', 'pl', 'el'],
    firstResponseMinutes: 30, nextResponseMinutes: 120 },
  { id: 'q-social', name: 'Social media', channels: ['social'], languages: ['en', 'pl', 'el'],
    firstResponseMinutes: 60, nextResponseMinutes: 240 },
];

/** The four demo queues with their SLA policies, alert recipients and members. */
export function buildQueues(): Queue[] {
  return QUEUE_DEFINITIONS.map((q) =>
    QueueSchema.parse({
      id: q.id,
      name: q.name,
      channels: q.channels,
      languages: q.languages,
      skills: [QUEUE_SKILL[q.id]],
      sla: { firstResponseMinutes: q.firstResponseMinutes, nextResponseMinutes: q.nextResponseMinutes },
      csatAlertThreshold: 4,
      alertStaffIds: ALERT_STAFF_IDS,
      alertAckMinutes: 15,
      memberIds: STAFF_ROSTER.filter((s) => s.queues.includes(q.id)).map((s) => s.id),
      version: 1,
    }),
  );
}


/** A member of staff with the password they sign in with (printed by the hub at start, stored only hashed). */
export interface SeedStaff {
  staff: Staff;
  password: string;
}

/** The demo staff, all offline, with passwords drawn from `rng`. */
export function buildStaff(rng: Random, now: number): SeedStaff[] {
  return STAFF_ROSTER.map((entry) => ({
    // Parsed rather than typed as a literal: zod drops any field the schema no longer has and rejects a missing
    // one at start, so the roster cannot drift from the Staff contract unnoticed.
    staff: StaffSchema.parse({
      id: entry.id,
      username: entry.username,
      name: entry.name,
      role: entry.role,
      skills: entry.skills,
      languages: entry.languages,
      capacity: DEFAULT_CAPACITY[entry.role],
      status: 'offline',
      statusSince: now,
      storeId: entry.storeId,
      lastAssignedAt: null,
      version: 1,
    }),
    password: generatePassword(rng),
  }));
}

/** Members of a queue, optionally only those who speak `language` (falls back to all members). */
export function queueMembers(queueId: QueueId, language?: Lang): RosterEntry[] {
  const members = STAFF_ROSTER.filter((s) => s.queues.includes(queueId) && s.role !== 'admin');
  const speakers = language ? members.filter((s) => s.languages.includes(language)) : members;
  return speakers.length > 0 ? speakers : members;
}

/** Store staff of one store. */
export function storeStaff(storeId: string): RosterEntry[] {
  return STAFF_ROSTER.filter((s) => s.role === 'store' && s.storeId === storeId);
}
