import type { Staff } from '../../shared/domain';
import type { CreateStaff, DeactivateStaff, ResetPassword, UpdateStaff } from '../../shared/protocol';
import { hashPassword } from '../auth/passwords';
import type { UnitOfWork } from '../context';
import { moveCase, setQueuesOf, setStaffStatus } from '../mutations';
import { Refused } from '../refused';
import { newStaff } from '../setup/staffAccounts';
import { adminWrite, auditAdmin, checkPassword, FieldRefused, oneTimePassword, requireKnown, type AdminCall } from './adminWrite';

/** A person as the admin API answers: the row, and the one-time password when one was just made. */
export type StaffAnswer = Staff & { oneTimePassword?: string };

function mustGetStaff(w: UnitOfWork, id: string): Staff {
  const staff = w.ctx.staff(id);
  if (!staff) throw new Refused('not-found', `staff ${id} does not exist`);
  return staff;
}

/** Refuses a change that would leave the hub without an active admin (nobody could administer it any more). */
function keepAnAdmin(w: UnitOfWork, leaving: Staff): void {
  if (leaving.role !== 'admin' || !leaving.active) return;
  const others = w.ctx.allStaff().filter((s) => s.id !== leaving.id && s.role === 'admin' && s.active);
  if (others.length === 0) throw new Refused('conflict', `${leaving.username} is the last active administrator: make someone else an administrator first`);
}

async function checkReferences(w: UnitOfWork, fields: Pick<UpdateStaff, 'queueIds' | 'storeId'>): Promise<void> {
  if (fields.queueIds) requireKnown(fields.queueIds, (id) => w.ctx.queue(id) !== null, 'queueIds', 'queue');
  if (fields.storeId && !(await w.get('storeLocation', fields.storeId))) throw new FieldRefused('not-found', 'storeId', `no such store: ${fields.storeId}`);
}

/**
 * The password to set: the given one (checked against the password rule), or a one-time password the person
 * must change, returned once. Only the hash is stored.
 */
async function choosePassword(username: string, given: string | undefined, mustChange: boolean): Promise<{ hash: string; mustChange: boolean; oneTime?: string }> {
  if (given !== undefined) {
    checkPassword(given, username);
    return { hash: await hashPassword(given), mustChange };
  }
  const oneTime = oneTimePassword();
  return { hash: await hashPassword(oneTime), mustChange: true, oneTime };
}

/** Adds a person: active, offline, in the given queues. */
export async function createStaff(call: AdminCall, input: CreateStaff): Promise<StaffAnswer> {
  // Hashing takes a while (scrypt): done before the transaction, which then only writes.
  const password = await choosePassword(input.username, input.password, input.mustChange);
  return adminWrite(call, async (w, actor) => {
    if (await w.staffCredentials(input.username)) throw new FieldRefused('conflict', 'username', `${input.username} is taken`);
    await checkReferences(w, input);
    const { username, name, role, skills, languages, capacity, storeId } = input;
    const staff = newStaff(w, { username, name, role, skills, languages, capacity, storeId });
    await w.save('staff', staff);
    await w.setPasswordHash(staff.id, password.hash, password.mustChange);
    if (input.queueIds.length > 0) await setQueuesOf(w, staff.id, input.queueIds);
    await auditAdmin(w, actor, 'staff.create', { targetType: 'staff', targetId: staff.id }, null, { ...staff, queueIds: input.queueIds, mustChangePassword: password.mustChange });
    return password.oneTime === undefined ? staff : { ...staff, oneTimePassword: password.oneTime };
  });
}

/** Changes a person's details, role, capacity, store or queues; a change of what they may see reaches their workstations. */
export async function updateStaff(call: AdminCall, id: string, patch: UpdateStaff): Promise<Staff> {
  return adminWrite(call, async (w, actor) => {
    const before = mustGetStaff(w, id);
    if (patch.role !== undefined && patch.role !== 'admin') keepAnAdmin(w, before);
    await checkReferences(w, patch);
    const { queueIds, capacity, ...fields } = patch;
    const after: Staff = { ...before, ...fields, capacity: { ...before.capacity, ...capacity }, version: before.version + 1 };
    await w.save('staff', after);
    const queuesBefore = queueIds ? await setQueuesOf(w, id, queueIds) : undefined;
    // Role and home store decide which cases a person sees, as queues do.
    if (!queueIds && (after.role !== before.role || after.storeId !== before.storeId)) w.scopeChanged(id);
    await auditAdmin(w, actor, 'staff.update', { targetType: 'staff', targetId: id }, { ...before, queueIds: queuesBefore }, { ...after, queueIds });
    return after;
  });
}

/** Sets a person's password (given, or a one-time one returned once); by default they must change it at next sign-in. */
export async function resetPassword(call: AdminCall, id: string, input: ResetPassword): Promise<{ id: string; mustChangePassword: boolean; oneTimePassword?: string }> {
  const username = call.ctx.staff(id)?.username;
  if (!username) throw new Refused('not-found', `staff ${id} does not exist`);
  const password = await choosePassword(username, input.password, input.mustChange);
  return adminWrite(call, async (w, actor) => {
    mustGetStaff(w, id);
    await w.setPasswordHash(id, password.hash, password.mustChange);
    await auditAdmin(w, actor, 'staff.password', { targetType: 'staff', targetId: id }, null, { mustChangePassword: password.mustChange, generated: password.oneTime !== undefined });
    const answer = { id, mustChangePassword: password.mustChange };
    return password.oneTime === undefined ? answer : { ...answer, oneTimePassword: password.oneTime };
  });
}

/**
 * Deactivates a person: they go offline, every session of theirs ends at once on every node, and they cannot
 * sign in again until reactivated. Refused while they hold open cases, unless `moveCasesTo` says where those go
 * (moved in the same transaction).
 */
export async function deactivateStaff(call: AdminCall, id: string, input: DeactivateStaff): Promise<Staff> {
  return adminWrite(call, async (w, actor) => {
    const before = mustGetStaff(w, id);
    if (!before.active) return before;
    if (id === actor.id) throw new Refused('conflict', 'administrators cannot deactivate themselves');
    keepAnAdmin(w, before);
    const to = input.moveCasesTo;
    const holding = (await w.openCasesOfAssignee(id)).length;
    if (holding > 0 && !to) {
      throw new Refused('conflict', `${before.username} holds ${holding} open case(s): give moveCasesTo {queueId} or {staffId}`);
    }
    if (to && 'staffId' in to) {
      const target = w.ctx.staff(to.staffId);
      if (!target || !target.active || target.id === id) throw new FieldRefused('not-found', 'moveCasesTo.staffId', `no other active person ${to.staffId}`);
    }
    if (to && 'queueId' in to) {
      const queue = w.ctx.queue(to.queueId);
      if (!queue || queue.archived) throw new FieldRefused('not-found', 'moveCasesTo.queueId', `no open queue ${to.queueId}`);
    }
    // Inactive first, so that routing never hands a case back to the person leaving; their cases move before
    // they go offline, which would hand unanswered offers back to routing instead of where the admin said.
    const inactive: Staff = { ...before, active: false, version: before.version + 1 };
    await w.save('staff', inactive);
    const moved: string[] = [];
    for (const kase of to ? await w.openCasesOfAssignee(id) : []) {
      await moveCase(w, actor, kase, to!);
      moved.push(kase.id);
    }
    const after = await setStaffStatus(w, inactive, 'offline');
    await call.auth.revokeAllOf(w, id);
    await auditAdmin(w, actor, 'staff.deactivate', { targetType: 'staff', targetId: id }, before, { ...after, movedCaseIds: moved, moveCasesTo: to ?? null });
    return after;
  });
}

/** Lets a deactivated person sign in again (offline until they say otherwise; their password is unchanged). */
export async function reactivateStaff(call: AdminCall, id: string): Promise<Staff> {
  return adminWrite(call, async (w, actor) => {
    const before = mustGetStaff(w, id);
    if (before.active) return before;
    const after: Staff = { ...before, active: true, version: before.version + 1 };
    await w.save('staff', after);
    await auditAdmin(w, actor, 'staff.reactivate', { targetType: 'staff', targetId: id }, before, after);
    return after;
  });
}
