import type { Staff } from '../../shared/domain';

/**
 * The name a visitor sees for a member of staff: their first name (friendlier than a full name in a chat, and
 * no more than a shop needs to give). One rule for every message, typing indicator and greeting.
 */
export function agentName(staff: Pick<Staff, 'name'> | null | undefined): string | null {
  const first = staff?.name.trim().split(/\s+/)[0];
  return first ? first : null;
}
