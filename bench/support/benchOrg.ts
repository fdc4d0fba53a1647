import { CHANNELS, LANGS, type Capacity, type Queue, type Staff } from '../../src/shared/domain';
import type { OrgData } from '../../src/server/loadOrg';

/** A queue with no members: cases moved there wait (the supervisor benchmark's "queue change"). */
export const OVERFLOW_QUEUE = 'q-overflow';

export interface BenchOrgOptions {
  agents: number;
  supervisors: number;
  queues: number;
  /** Usernames who may sign in with `password` (real workstation engines sign in); the rest get sessions in-process. */
  signIn: ReadonlySet<string>;
  password: string | null;
}

export interface BenchOrg {
  org: OrgData;
  agents: Staff[];
  supervisors: Staff[];
  queueIds: string[];
}

/**
 * The organisation of the hub benchmarks: agents who speak all three languages with room for 20 cases per
 * channel, supervisors, and queues that split the traffic by channel and language as a real centre's do (every
 * agent a member of one), plus the empty overflow queue.
 */
export function benchOrg(o: BenchOrgOptions): BenchOrg {
  const capacity = { ...(Object.fromEntries(CHANNELS.map((c) => [c, 20])) as Capacity) };
  const person = (id: string, role: Staff['role']): { staff: Staff; password: string | null } => ({
    staff: { id, username: id, name: id, role, skills: [], languages: ['en', 'pl', 'el'], capacity, status: 'available', statusSince: 0, storeId: null, active: true, version: 1 },
    password: o.signIn.has(id) ? o.password : null,
  });
  const agents = Array.from({ length: o.agents }, (_, i) => person(`agent-${String(i).padStart(4, '0')}`, 'agent'));
  const supervisors = Array.from({ length: o.supervisors }, (_, i) => person(`sup-${i}`, 'supervisor'));
  const queues: Queue[] = Array.from({ length: o.queues }, (_, q) => ({
    id: `q-${q}`,
    name: `Queue ${q}`,
    channels: [CHANNELS[q % CHANNELS.length]],
    languages: [LANGS[q % LANGS.length]],
    skills: [],
    sla: { firstResponseMinutes: 60, nextResponseMinutes: 60 },
    csatAlertThreshold: 4,
    alertStaffIds: supervisors.map((s) => s.staff.id),
    alertAckMinutes: 15,
    archived: false,
    memberIds: agents.filter((_, i) => i % o.queues === q).map((a) => a.staff.id),
    version: 1,
  }));
  // After q-0 and with its channels, so new work never lands here first; nobody is a member, so nothing is routed.
  queues.push({ ...queues[0], id: OVERFLOW_QUEUE, name: 'Overflow', memberIds: [] });
  return {
    org: { storeLocations: [], queues, staff: [...agents, ...supervisors], kb: [], canned: [] },
    agents: agents.map((a) => a.staff),
    supervisors: supervisors.map((s) => s.staff),
    queueIds: queues.map((q) => q.id),
  };
}
