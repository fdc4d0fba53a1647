import { CHANNELS, isOpenCase, replyDueAt, type Case, type Channel, type Staff } from '../../../shared/domain';

/** One channel of an agent's load: open cases whose newest message came by it, against their capacity. */
export interface ChannelLoad {
  channel: Channel;
  used: number;
  capacity: number;
}

type LoadCase = Pick<Case, 'assigneeId' | 'status' | 'lastChannel'>;

/** Open cases per channel (routing counts a case by the channel of its newest message). */
const perChannel = (cases: readonly LoadCase[]) => {
  const counts = new Map<Channel, number>();
  for (const c of cases) counts.set(c.lastChannel, (counts.get(c.lastChannel) ?? 0) + 1);
  return counts;
};

/** An agent's open cases and their load per channel (channels they take or have cases on; routing counts by last channel). */
export function agentLoad<C extends LoadCase & Pick<Case, 'id'>>(staff: Pick<Staff, 'id' | 'capacity'>, cases: readonly C[]): { open: C[]; load: ChannelLoad[] } {
  const open = cases.filter((c) => c.assigneeId === staff.id && isOpenCase(c));
  const used = perChannel(open);
  const load = CHANNELS.map((channel) => ({ channel, used: used.get(channel) ?? 0, capacity: staff.capacity[channel] })).filter((l) => l.capacity > 0 || l.used > 0);
  return { open, load };
}

/**
 * THE over-capacity rule (the board's filter, the reassignment's warning): more open cases on a channel than the
 * agent takes on it. A channel at exactly its capacity is full, not over.
 */
export const overCapacity = (load: readonly ChannelLoad[]): ChannelLoad[] => load.filter((l) => l.used > l.capacity);

/**
 * The share of capacity used, by the fullest channel (each channel is routed against its own capacity, so a
 * full chat is full whatever the email): 0.5 for 1 of 2, above 1 when over; cases on a channel the agent takes
 * none of count as infinitely full.
 */
export function loadShare(load: readonly ChannelLoad[]): number {
  return load.reduce((most, l) => Math.max(most, l.capacity > 0 ? l.used / l.capacity : l.used > 0 ? Infinity : 0), 0);
}

/** The load an agent would carry once `moving` is theirs: their open cases plus those moved, per channel. */
export function loadAfterMove(staff: Pick<Staff, 'id' | 'capacity'>, cases: readonly (LoadCase & Pick<Case, 'id'>)[], moving: readonly (LoadCase & Pick<Case, 'id'>)[]): ChannelLoad[] {
  const arriving = moving.filter((c) => c.assigneeId !== staff.id && isOpenCase(c)).map((c) => ({ ...c, assigneeId: staff.id }));
  return agentLoad(staff, [...cases, ...arriving]).load;
}

/** The nearest reply due among these cases (the most overdue first), or null when none awaits a reply. */
export function nearestReplyDue(cases: readonly Pick<Case, 'status' | 'firstResponseDueAt' | 'nextResponseDueAt'>[]): number | null {
  let nearest: number | null = null;
  for (const c of cases) {
    const due = replyDueAt(c);
    if (due !== null && (nearest === null || due < nearest)) nearest = due;
  }
  return nearest;
}
