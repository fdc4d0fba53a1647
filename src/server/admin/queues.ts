import type { Queue } from '../../shared/domain';
import type { ArchiveQueue, CreateQueue, UpdateQueue } from '../../shared/protocol';
import type { UnitOfWork } from '../context';
import { moveCase } from '../mutations';
import { Refused } from '../refused';
import { pullWaitingWork } from '../routing';
import { adminWrite, auditAdmin, FieldRefused, requireKnown, type AdminCall } from './adminWrite';

function mustGetQueue(w: UnitOfWork, id: string): Queue {
  const queue = w.ctx.queue(id);
  if (!queue) throw new Refused('not-found', `queue ${id} does not exist`);
  return queue;
}

function checkPeople(w: UnitOfWork, fields: Pick<UpdateQueue, 'memberIds' | 'alertStaffIds'>): void {
  const exists = (id: string) => w.ctx.staff(id) !== null;
  if (fields.memberIds) requireKnown(fields.memberIds, exists, 'memberIds', 'person');
  if (fields.alertStaffIds) requireKnown(fields.alertStaffIds, exists, 'alertStaffIds', 'person');
}

/**
 * Tells people who joined or left a queue that what they may see changed (those who left drop its cases on
 * their workstations; those who joined fetch them), and offers waiting work to those who joined.
 */
async function membersChanged(w: UnitOfWork, before: readonly string[], after: readonly string[]): Promise<void> {
  const was = new Set(before);
  const is = new Set(after);
  for (const id of was) if (!is.has(id)) w.scopeChanged(id);
  for (const id of is) {
    if (was.has(id)) continue;
    w.scopeChanged(id);
    await pullWaitingWork(w, id);
  }
}

/** Adds a queue. */
export async function createQueue(call: AdminCall, input: CreateQueue): Promise<Queue> {
  return adminWrite(call, async (w, actor) => {
    checkPeople(w, input);
    const queue: Queue = { id: w.ctx.newId('q'), ...input, memberIds: [...new Set(input.memberIds)], archived: false, version: 1 };
    await w.save('queue', queue);
    await membersChanged(w, [], queue.memberIds);
    await auditAdmin(w, actor, 'queue.create', { targetType: 'queue', targetId: queue.id, queueId: queue.id }, null, queue);
    return queue;
  });
}

/** Changes a queue; members added or removed get their new scope at once. */
export async function updateQueue(call: AdminCall, id: string, patch: UpdateQueue): Promise<Queue> {
  return adminWrite(call, async (w, actor) => {
    const before = mustGetQueue(w, id);
    checkPeople(w, patch);
    const after: Queue = { ...before, ...patch, memberIds: patch.memberIds ? [...new Set(patch.memberIds)] : before.memberIds, version: before.version + 1 };
    await w.save('queue', after);
    await membersChanged(w, before.memberIds, after.memberIds);
    await auditAdmin(w, actor, 'queue.update', { targetType: 'queue', targetId: id, queueId: id }, before, after);
    return after;
  });
}

/**
 * Archives a queue: it takes no new work. Refused while it has open cases, unless `moveCasesTo` names the open
 * queue they go to (moved, and routed there, in the same transaction).
 */
export async function archiveQueue(call: AdminCall, id: string, input: ArchiveQueue): Promise<Queue> {
  return adminWrite(call, async (w, actor) => {
    const before = mustGetQueue(w, id);
    if (before.archived) return before;
    const open = await w.openCasesOfQueue(id);
    const to = input.moveCasesTo;
    if (open.length > 0 && !to) throw new Refused('conflict', `queue ${before.name} has ${open.length} open case(s): give moveCasesTo {queueId}`);
    if (to) {
      const target = w.ctx.queue(to.queueId);
      if (!target || target.archived || target.id === id) throw new FieldRefused('not-found', 'moveCasesTo.queueId', `no other open queue ${to.queueId}`);
    }
    const after: Queue = { ...before, archived: true, version: before.version + 1 };
    await w.save('queue', after);
    for (const kase of to ? open : []) await moveCase(w, actor, kase, to!);
    await auditAdmin(w, actor, 'queue.archive', { targetType: 'queue', targetId: id, queueId: id }, before, {
      ...after,
      movedCaseIds: open.map((c) => c.id),
      moveCasesTo: to ?? null,
    });
    return after;
  });
}
