import { CHANNELS, type Capacity, type Queue, type Staff } from '../../shared/domain';
import type { OrgData } from '../loadOrg';

const capacity = (over: Partial<Capacity> = {}): Capacity => ({
  ...(Object.fromEntries(CHANNELS.map((c) => [c, 1])) as Capacity),
  chat: 2,
  email: 3,
  ...over,
});

export function person(id: string, role: Staff['role'], over: Partial<Staff> = {}): { staff: Staff; password: string } {
  return {
    staff: {
      id,
      username: id,
      name: `Person ${id}`,
      role,
      skills: [],
      languages: ['en', 'pl'],
      capacity: capacity(),
      status: 'available',
      statusSince: 0,
      storeId: null,
      active: true,
      version: 1,
      ...over,
    },
    password: `${id}-password-1`,
  };
}

function queue(id: string, over: Partial<Queue>): Queue {
  return {
    id,
    name: id,
    channels: ['chat'],
    languages: ['en', 'pl'],
    skills: [],
    sla: { firstResponseMinutes: 5, nextResponseMinutes: 10 },
    csatAlertThreshold: 4,
    alertStaffIds: ['sup1'],
    alertAckMinutes: 15,
    memberIds: [],
    archived: false,
    version: 1,
    ...over,
  };
}

/**
 * A small organisation for hub tests: two agents on chat/email (en, pl), a Greek agent alone on the Greek
 * queue, a phone queue, a supervisor and a store member. Every password is `<id>-password-1`.
 */
export function testOrg(): OrgData {
  return {
    storeLocations: [{ id: 'store-w', name: 'Warsaw', city: 'Warsaw', country: 'PL' }],
    queues: [
      queue('q-chat', { channels: ['chat', 'email', 'sms', 'social'], memberIds: ['a1', 'a2'] }),
      queue('q-el', { channels: ['chat', 'email'], languages: ['el'], memberIds: ['a3'] }),
      queue('q-phone', { channels: ['phone', 'video', 'store'], memberIds: ['a1'] }),
    ],
    staff: [
      person('a1', 'agent'),
      person('a2', 'agent'),
      person('a3', 'agent', { languages: ['el', 'en'] }),
      person('sup1', 'supervisor', { status: 'offline' }),
      person('store1', 'store', { storeId: 'store-w', status: 'offline' }),
    ],
    kb: [],
    canned: [],
  };
}
