import { CHANNELS, isOpenCase, type Case, type Channel, type Staff } from '../../../shared/domain';

/** One channel of an agent's load: open cases whose newest message came by it, against their capacity. */
export interface ChannelLoad {
  channel: Channel;
  used: number;
  capacity: number;
}

/** An agent's open cases and their load per channel (channels they take or have cases on; routing counts by last channel). */
export function agentLoad(staff: Pick<Staff, 'id' | 'capacity'>, cases: readonly Case[]): { open: Case[]; load: ChannelLoad[] } {
  const open = cases.filter((c) => c.assigneeId === staff.id && isOpenCase(c));
  const load = CHANNELS.map((channel) => ({ channel, used: open.filter((c) => c.lastChannel === channel).length, capacity: staff.capacity[channel] })).filter(
    (l) => l.capacity > 0 || l.used > 0,
  );
  return { open, load };
}
