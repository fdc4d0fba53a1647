import { z } from 'zod';
import { DEFAULT_CAPACITY, StaffSchema, type Staff } from '../../shared/domain';
import type { UnitOfWork } from '../context';
import { putStaff } from '../loadOrg';
import { Refused } from '../refused';

/** A username people can sign in with: what the sign-in form sends (trimmed), without inner spaces. */
export const UsernameSchema = z
  .string()
  .trim()
  .min(1, 'a username cannot be empty')
  .max(64, 'a username has at most 64 characters')
  .regex(/^[^\s\p{Cc}\p{Cs}]+$/u, 'a username has no spaces or control characters');

/** The actor of audit entries for what the hub's command line does (no person is signed in there). */
export const COMMAND_LINE_ACTOR = 'command-line';

export type NewPerson = Pick<Staff, 'username' | 'name' | 'role' | 'languages' | 'skills' | 'storeId'> & { capacity?: Partial<Staff['capacity']> };

/** A new person's record: active, offline, with the capacity of their role unless given. */
export function newStaff(w: UnitOfWork, person: NewPerson): Staff {
  return StaffSchema.parse({
    ...person,
    id: w.ctx.newId('staff'),
    capacity: { ...DEFAULT_CAPACITY[person.role], ...person.capacity },
    status: 'offline',
    statusSince: w.ctx.now(),
    version: 1,
  });
}

/**
 * Creates people with their password hashes in this unit of work, each with an audit entry by `actorId`. Refuses
 * (rolling back all of them) a username that is taken or given twice.
 */
export async function createStaff(w: UnitOfWork, people: ReadonlyArray<{ staff: Staff; passwordHash: string; mustChange?: boolean }>, actorId: string): Promise<void> {
  const seen = new Set<string>();
  for (const { staff } of people) {
    if (seen.has(staff.username) || (await w.staffCredentials(staff.username))) {
      throw new Refused('conflict', `the username ${staff.username} is taken`, { username: staff.username });
    }
    seen.add(staff.username);
  }
  await putStaff(w, people);
  for (const { staff } of people) {
    await w.appendAudit({
      id: w.ctx.newId('audit'),
      actorId,
      action: 'staff.create',
      targetType: 'staff',
      targetId: staff.id,
      queueId: null,
      caseId: null,
      before: null,
      after: { username: staff.username, role: staff.role },
      at: w.ctx.now(),
    });
  }
}
