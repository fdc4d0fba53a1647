import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { StaffSchema, type Staff } from '../../shared/domain';
import { passwordProblem } from '../auth/passwordPolicy';
import type { UnitOfWork } from '../context';
import { putStaff } from '../loadOrg';
import { Refused } from '../refused';
import { CAPACITY_BY_ROLE } from '../seed/organisation';

/** A username people can sign in with: what the sign-in form sends (trimmed), without inner spaces. */
export const UsernameSchema = z
  .string()
  .trim()
  .min(1, 'a username cannot be empty')
  .max(64, 'a username has at most 64 characters')
  .regex(/^[^\s\p{Cc}\p{Cs}]+$/u, 'a username has no spaces or control characters');

/** The actor of audit entries for what the hub's command line does (no person is signed in there). */
export const COMMAND_LINE_ACTOR = 'command-line';

export type NewPerson = Pick<Staff, 'username' | 'name' | 'role' | 'languages' | 'skills' | 'storeId'>;

/** A new person's record: offline, with the capacity of their role until a supervisor changes it. */
export function newStaff(w: UnitOfWork, person: NewPerson): Staff {
  return StaffSchema.parse({
    ...person,
    id: w.ctx.newId('staff'),
    capacity: CAPACITY_BY_ROLE[person.role],
    status: 'offline',
    statusSince: w.ctx.now(),
    version: 1,
  });
}

/** A random password for a person's first sign-in (20 characters, ~120 bits), one the password rule accepts. */
export function oneTimePassword(username: string): string {
  for (;;) {
    const password = randomBytes(15).toString('base64url');
    if (!passwordProblem(password, username)) return password;
  }
}

/**
 * Creates people with their password hashes in this unit of work, each with an audit entry by `actorId`. Refuses
 * (rolling back all of them) a username that is taken or given twice.
 */
export async function createStaff(w: UnitOfWork, people: ReadonlyArray<{ staff: Staff; passwordHash: string }>, actorId: string): Promise<void> {
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
