import { randomBytes } from 'node:crypto';
import type { AuditAction, AuditEntry, Staff } from '../../shared/domain';
import { appendTrail } from '../auditTrail';
import type { AuthService } from '../auth/authService';
import { passwordProblem } from '../auth/passwordPolicy';
import type { HubContext, UnitOfWork } from '../context';
import { Refused } from '../refused';

/** Who asks for an administration action, and the hub parts it may need. */
export interface AdminCall {
  ctx: HubContext;
  auth: AuthService;
  actor: Staff;
}

/** A refusal of one field of the request: the admin API names the field (`queueIds`, `moveCasesTo.staffId`). */
export class FieldRefused extends Refused {
  constructor(
    reason: 'invalid' | 'not-found' | 'conflict',
    readonly field: string,
    message: string,
  ) {
    super(reason, `${field}: ${message}`);
  }
}

/**
 * Runs one administration action as one unit of work, for an active admin only (checked inside it, so a
 * demotion committed just before counts).
 */
export function adminWrite<T>(call: AdminCall, fn: (w: UnitOfWork, actor: Staff) => Promise<T>): Promise<T> {
  return call.ctx.write(async (w) => {
    const actor = w.ctx.staff(call.actor.id);
    if (!actor || !actor.active || actor.role !== 'admin') throw new Refused('forbidden', 'only administrators may do this');
    return fn(w, actor);
  });
}

export type AuditTarget = Pick<AuditEntry, 'targetType' | 'targetId'> & Partial<Pick<AuditEntry, 'queueId'>>;

/** Records an administration action with the state before and after (rows as synced: they hold no secrets). */
export async function auditAdmin(w: UnitOfWork, actor: Pick<Staff, 'id'>, action: AuditAction, target: AuditTarget, before: unknown, after: unknown): Promise<void> {
  await appendTrail(w, actor.id, action, { queueId: null, caseId: null, ...target }, before, after);
}

/** Refuses a password the hub's one password rule refuses, naming the field. */
export function checkPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new FieldRefused('invalid', 'password', problem.message);
}

/**
 * A one-time password for an admin to hand over: 20 characters of base64url from 15 random bytes (120 bits),
 * never a word from a list, so it always passes the password rule.
 */
export function oneTimePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** Refuses ids that name nothing, naming the field. */
export function requireKnown(ids: readonly string[], exists: (id: string) => boolean, field: string, what: string): void {
  const unknown = ids.filter((id) => !exists(id));
  if (unknown.length > 0) throw new FieldRefused('not-found', field, `no such ${what}: ${unknown.slice(0, 5).join(', ')}`);
}
