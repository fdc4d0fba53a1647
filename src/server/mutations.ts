import {
  caseTags,
  customerNotes,
  isOpenCase,
  isSupervising,
  MAX_CASE_TAGS,
  MAX_CUSTOMER_NOTES,
  withTags,
  auditExcerpt,
  type Alert,
  type AuditAction,
  type AttachmentRef,
  type Case,
  type Customer,
  type DeliveryAddress,
  type HeldReply,
  type Interaction,
  type Staff,
} from '../shared/domain';
import type { AssignTarget, ItemResult, Mutation, MutationResult } from '../shared/protocol';
import type { HubContext, UnitOfWork } from './context';
import { claimIdentities, createCustomer } from './customers';
import { isServing } from './continuation';
import { canSeeCase } from './permissions';
import { Refused } from './refused';
import { pullWaitingWork, returnOffers, routeCase, withAssignee } from './routing';
import { addressFor, queueDelivery } from './delivery/queueDelivery';
import { retryDelivery } from './delivery/retryDelivery';
import { sendSurvey, sendSurveyIfWanted } from './voice';
import { handOnCalls } from './voiceCalls';
import { attachToCase } from './attachments';
import { checkVersion, holdReason, watchBasis } from './conflicts';
import { mentionedStaff, notifyMentions } from './mentions';
import { appendTrail, caseTarget, type TrailTarget } from './auditTrail';

type Of<T extends Mutation['type']> = Extract<Mutation, { type: T }>;
type Applied = { outcome?: 'applied' | 'held'; id?: string; items?: ItemResult[] };
type Handler<T extends Mutation['type']> = (w: UnitOfWork, actor: Staff, m: Of<T>) => Promise<Applied>;

async function mustGetCase(w: UnitOfWork, actor: Staff, caseId: string): Promise<Case> {
  const { ctx } = w;
  const kase = await w.get('case', caseId);
  if (!kase || !canSeeCase(ctx, actor, kase)) throw new Refused('not-found', `case ${caseId} does not exist or is not yours to see`);
  return kase;
}

/** A customer the person may see: supervisors and store staff see every customer, agents those of cases they see. */
async function mustSeeCustomer(w: UnitOfWork, actor: Staff, customerId: string): Promise<Customer> {
  const { ctx } = w;
  const customer = await w.get('customer', customerId);
  const visible = customer && (isSupervising(actor.role) || actor.role === 'store' || (await w.casesOfCustomer(customer.id)).some((c) => canSeeCase(ctx, actor, c)));
  if (!customer || !visible) throw new Refused('not-found', `customer ${customerId} does not exist or is not yours to see`);
  return customer;
}

function requireSupervisor(actor: Staff): void {
  if (!isSupervising(actor.role)) throw new Refused('forbidden', 'only supervisors and admins may do this');
}

const audit = (w: UnitOfWork, actor: Staff, action: AuditAction, target: TrailTarget, before: unknown, after: unknown): Promise<void> =>
  appendTrail(w, actor.id, action, target, before, after);

/** Where a case is and who has it: the before and after of takes, hand-backs and reassignments. */
const placeOf = (c: Case) => ({ queueId: c.queueId, assigneeId: c.assigneeId });

/** A survey that went out on a case, by hand or by itself when the case was resolved. */
async function auditSurvey(w: UnitOfWork, actor: Staff, kase: Case, survey: Interaction, automatic: boolean): Promise<void> {
  await audit(w, actor, 'survey.sent', caseTarget(kase), null, { interactionId: survey.id, channel: survey.kind, automatic });
}

type InteractionFields = Pick<Interaction, 'kind' | 'direction' | 'text' | 'authorId'> & Partial<Interaction>;

/** A new interaction on a case (not saved). */
function newInteraction(ctx: HubContext, kase: Case, fields: InteractionFields): Interaction {
  return {
    id: ctx.newId('int'),
    caseId: kase.id,
    customerId: kase.customerId,
    subject: null,
    externalId: null,
    meta: {},
    createdAt: ctx.now(),
    ...fields,
  };
}

/** Appends an interaction to a case whose audience does not change with it (notes). */
async function appendInteraction(w: UnitOfWork, kase: Case, fields: InteractionFields): Promise<Interaction> {
  const { ctx } = w;
  const interaction = newInteraction(ctx, kase, fields);
  await w.save('interaction', interaction);
  return interaction;
}

/**
 * Sends a message on a case that it moves on (new owner, store, SLA met): the case is saved first, so the
 * message goes to everyone who sees the case as it now stands (a store visit reaches the store's staff).
 */
async function sendOnCase(w: UnitOfWork, kase: Case, fields: InteractionFields): Promise<Interaction> {
  const { ctx } = w;
  const message = newInteraction(ctx, kase, fields);
  await w.save('case', afterReply(ctx, kase, message));
  await w.save('interaction', message);
  return message;
}

/** The case after a reply went out: SLA met, status open, newest message. */
function afterReply(ctx: HubContext, kase: Case, reply: Interaction): Case {
  const now = ctx.now();
  return {
    ...kase,
    status: kase.status === 'new' ? 'open' : kase.status,
    channels: kase.channels.includes(reply.kind as Case['lastChannel']) ? kase.channels : [...kase.channels, reply.kind as Case['lastChannel']],
    firstRespondedAt: kase.firstRespondedAt ?? now,
    firstResponseDueAt: null,
    nextResponseDueAt: null,
    slaBreachedAt: null,
    lastOutboundAt: now,
    lastMessageId: reply.id,
    updatedAt: now,
    version: kase.version + 1,
  };
}

/**
 * Sends a reply now: the author owns the case (an unassigned one is taken by replying), and the reply is queued
 * for delivery to `to` (see addressFor; null for a channel without a wire) in the same unit of work.
 */
async function sendReply(
  w: UnitOfWork,
  actor: Staff,
  kase: Case,
  m: { channel: Interaction['kind']; text: string; subject?: string | null; attachments?: AttachmentRef[] },
  to: DeliveryAddress | null,
): Promise<Interaction> {
  let current = kase;
  if (!current.assigneeId) {
    current = await withAssignee(w, current, actor.id);
    // Replying to an unassigned case takes it: the trail says so, as for a take by hand.
    await audit(w, actor, 'case.take', caseTarget(current), placeOf(kase), placeOf(current));
  }
  const meta = m.attachments?.length ? { attachments: m.attachments } : {};
  const reply = await sendOnCase(w, current, { kind: m.channel, direction: 'outbound', text: m.text, subject: m.subject ?? null, authorId: actor.id, meta });
  if (to) await queueDelivery(w, reply, to, 'reply');
  await audit(w, actor, 'case.reply', caseTarget(current), null, { interactionId: reply.id, channel: reply.kind, excerpt: auditExcerpt(reply.text) });
  return reply;
}

/** Moves one case (as this unit of work read it) to a person or to a queue (where it is routed again); saves it. */
export async function moveCase(w: UnitOfWork, actor: Staff, kase: Case, to: AssignTarget): Promise<Case> {
  const { ctx } = w;
  if ('staffId' in to) {
    const target = ctx.staff(to.staffId);
    if (!target) throw new Refused('not-found', `staff ${to.staffId} does not exist`);
    if (target.status === 'offline' && !isSupervising(actor.role)) throw new Refused('conflict', `${target.name} is offline`);
    const moved = await withAssignee(w, kase, target.id);
    await w.save('case', moved, kase);
    return moved;
  }
  if (!ctx.queue(to.queueId)) throw new Refused('not-found', `queue ${to.queueId} does not exist`);
  const back = await withAssignee(w, kase, null, to.queueId);
  await w.save('case', back, kase);
  return await routeCase(w, back, kase.assigneeId ?? undefined);
}

/** Reassigns one case on behalf of a supervisor, with its audit entry; refusals become per-item results. */
async function reassignOne(w: UnitOfWork, actor: Staff, caseId: string, to: AssignTarget): Promise<ItemResult> {
  const kase = await w.get('case', caseId);
  if (!kase) return { id: caseId, ok: false, reason: 'not-found', message: `case ${caseId} does not exist` };
  if (!isOpenCase(kase)) return { id: caseId, ok: false, reason: 'conflict', message: `case ${caseId} is ${kase.status}` };
  if (('staffId' in to && kase.assigneeId === to.staffId) || ('queueId' in to && kase.queueId === to.queueId && !kase.assigneeId)) {
    return { id: caseId, ok: true };
  }
  try {
    const moved = await moveCase(w, actor, kase, to);
    await audit(w, actor, 'case.reassign', caseTarget(moved), placeOf(kase), placeOf(moved));
    return { id: caseId, ok: true };
  } catch (err) {
    if (err instanceof Refused) return { id: caseId, ok: false, reason: err.reason, message: err.message };
    throw err;
  }
}

export async function setStaffStatus(w: UnitOfWork, staff: Staff, status: Staff['status']): Promise<Staff> {
  const { ctx } = w;
  if (staff.status === status) return staff;
  const updated: Staff = { ...staff, status, statusSince: ctx.now(), version: staff.version + 1 };
  await w.save('staff', updated);
  if (status === 'away' || status === 'offline') {
    await returnOffers(w, staff.id);
    await handOnCalls(w, staff.id);
  }
  if (status === 'available') await pullWaitingWork(w, staff.id);
  return updated;
}

/**
 * Makes a person a member of exactly `queueIds` (all known) and tells their workstations their new scope; they
 * are offered waiting work of the queues they joined. Returns the queues they were in before.
 */
export async function setQueuesOf(w: UnitOfWork, staffId: string, queueIds: readonly string[]): Promise<string[]> {
  const want = new Set(queueIds);
  const before = w.ctx.queues().filter((q) => q.memberIds.includes(staffId)).map((q) => q.id);
  for (const q of w.ctx.queues()) {
    const member = q.memberIds.includes(staffId);
    if (member === want.has(q.id)) continue;
    const memberIds = member ? q.memberIds.filter((id) => id !== staffId) : [...q.memberIds, staffId];
    await w.save('queue', { ...q, memberIds, version: q.version + 1 });
  }
  w.scopeChanged(staffId);
  await pullWaitingWork(w, staffId);
  return before;
}

/** Moves an alert along its lifecycle, for its designated staff, its follow-up owner or a supervisor. */
async function changeAlert(w: UnitOfWork, actor: Staff, m: { alertId: string; basedOn: { version: number } }, patch: (a: Alert) => Partial<Alert>, action: AuditAction): Promise<Applied> {
  const alert = await getAlert(w, m.alertId);
  const mayAct = isSupervising(actor.role) || alert.notifiedStaffIds.includes(actor.id) || alert.followUpStaffId === actor.id;
  if (!mayAct) throw new Refused('forbidden', 'this alert was not sent to you');
  checkVersion(alert, m.basedOn, 'the alert');
  const updated = { ...alert, ...patch(alert), version: alert.version + 1 };
  await w.save('alert', updated);
  await audit(w, actor, action, { targetType: 'alert', targetId: alert.id, queueId: alert.queueId, caseId: alert.caseId }, { status: alert.status, followUpStaffId: alert.followUpStaffId }, { status: updated.status, followUpStaffId: updated.followUpStaffId });
  return {};
}

async function getAlert(w: UnitOfWork, id: string): Promise<Alert> {
  const alert = await w.get('alert', id);
  if (!alert) throw new Refused('not-found', `alert ${id} does not exist`);
  return alert;
}

const handlers: { [T in Mutation['type']]: Handler<T> } = {
  async reply(w, actor, m) {
    const { ctx } = w;
    const kase = await mustGetCase(w, actor, m.caseId);
    // A reply nobody could deliver is refused even when it would be held: resending it later would fail alike.
    const to = await addressFor(w, kase, m.channel);
    if (m.attachments?.length) await attachToCase(w, ctx, actor, kase.id, m.attachments);
    const reason = await holdReason(w, actor, kase, m.basedOn.lastMessageId);
    if (!reason) return { id: (await sendReply(w, actor, kase, m, to)).id };
    const held: HeldReply = {
      id: ctx.newId('held'),
      caseId: kase.id,
      authorId: actor.id,
      channel: m.channel,
      text: m.text,
      subject: m.subject ?? null,
      ...(m.attachments?.length ? { attachments: m.attachments } : {}),
      reason,
      status: 'held',
      createdAt: ctx.now(),
      resolvedAt: null,
    };
    await w.save('held', held);
    await audit(w, actor, 'case.replyHeld', caseTarget(kase), null, { heldId: held.id, channel: held.channel, reason, excerpt: auditExcerpt(held.text) });
    return { outcome: 'held', id: held.id };
  },

  async note(w, actor, m) {
    const { ctx } = w;
    const kase = await mustGetCase(w, actor, m.caseId);
    const mentioned = mentionedStaff(w, actor, kase, m.mentions);
    const meta = mentioned.length > 0 ? { mentions: mentioned.map((s) => s.id) } : {};
    const note = await appendInteraction(w, kase, { kind: 'note', direction: 'internal', text: m.text, authorId: actor.id, meta });
    await w.save('case', { ...kase, updatedAt: ctx.now(), version: kase.version + 1 });
    notifyMentions(w, actor, kase, note, mentioned);
    await audit(w, actor, 'case.note', caseTarget(kase), null, { interactionId: note.id, excerpt: auditExcerpt(note.text) });
    return { id: note.id };
  },

  // Whoever may see a case may tag it: tags are for finding work again, like the note anyone on it may add.
  async 'case.tag'(w, actor, m) {
    const { ctx } = w;
    const kase = await mustGetCase(w, actor, m.caseId);
    const tags = withTags(caseTags(kase), m.add, m.remove);
    if (tags.length > MAX_CASE_TAGS) throw new Refused('too-large', `a case has at most ${MAX_CASE_TAGS} tags`);
    const before = caseTags(kase);
    if (tags.length === before.length && tags.every((t, i) => t === before[i])) return {};
    await w.save('case', { ...kase, tags, updatedAt: ctx.now(), version: kase.version + 1 });
    await audit(w, actor, 'case.tags', caseTarget(kase), { tags: before }, { tags });
    return {};
  },

  async 'customer.note'(w, actor, m) {
    const { ctx } = w;
    const customer = await mustSeeCustomer(w, actor, m.customerId);
    if (customer.mergedInto) throw new Refused('conflict', 'this customer was merged into another: add the note there');
    const notes = customerNotes(customer);
    if (notes.length >= MAX_CUSTOMER_NOTES) throw new Refused('too-large', `a customer keeps at most ${MAX_CUSTOMER_NOTES} notes`);
    const note = { id: ctx.newId('cnote'), authorId: actor.id, text: m.text, createdAt: ctx.now() };
    await w.save('customer', { ...customer, notes: [...notes, note], updatedAt: ctx.now(), version: customer.version + 1 });
    return { id: note.id };
  },

  async 'case.update'(w, actor, m) {
    const { ctx } = w;
    const kase = await mustGetCase(w, actor, m.caseId);
    checkVersion(kase, m.basedOn, 'the case');
    const now = ctx.now();
    const status = m.patch.status ?? kase.status;
    const resolving = status === 'resolved' && kase.status !== 'resolved';
    const updated: Case = {
      ...kase,
      status,
      priority: m.patch.priority ?? kase.priority,
      resolvedAt: resolving ? now : status === 'resolved' || status === 'closed' ? kase.resolvedAt : null,
      // Waiting on the customer (or done) stops the reply clock.
      nextResponseDueAt: status === 'pending' || !isOpenCase({ status }) ? null : kase.nextResponseDueAt,
      firstResponseDueAt: status === 'pending' || !isOpenCase({ status }) ? null : kase.firstResponseDueAt,
      updatedAt: now,
      version: kase.version + 1,
    };
    await w.save('case', updated);
    if (updated.status !== kase.status) await audit(w, actor, 'case.status', caseTarget(kase), { status: kase.status }, { status: updated.status });
    if (updated.priority !== kase.priority) await audit(w, actor, 'case.priority', caseTarget(kase), { priority: kase.priority }, { priority: updated.priority });
    const survey = resolving ? await sendSurveyIfWanted(w, updated, actor.id) : null;
    if (survey) await auditSurvey(w, actor, updated, survey, true);
    if (!isOpenCase(updated) && updated.assigneeId) await pullWaitingWork(w, updated.assigneeId);
    return {};
  },

  async 'case.assign'(w, actor, m) {
    const kase = await mustGetCase(w, actor, m.caseId);
    checkVersion(kase, m.basedOn, 'the case');
    if (!isSupervising(actor.role)) {
      const taking = 'staffId' in m.to && m.to.staffId === actor.id && (kase.assigneeId === null || kase.assigneeId === actor.id);
      const handingBack = 'queueId' in m.to && kase.assigneeId === actor.id;
      if (!taking && !handingBack) throw new Refused('forbidden', 'you may take unassigned cases or hand back your own; ask a supervisor to move others');
    }
    const moved = await moveCase(w, actor, kase, m.to);
    if (moved.assigneeId === kase.assigneeId && moved.queueId === kase.queueId) return {};
    // A supervisor moves anyone's case; anyone else takes a case or hands their own back (checked above).
    const action = isSupervising(actor.role) ? 'case.reassign' : 'queueId' in m.to ? 'case.handBack' : 'case.take';
    await audit(w, actor, action, caseTarget(moved), placeOf(kase), placeOf(moved));
    return {};
  },

  async 'case.continueInStore'(w, actor, m) {
    const { ctx } = w;
    if (actor.role !== 'store' && !isSupervising(actor.role)) throw new Refused('forbidden', 'only store staff record in-store visits');
    // A case the person may see, or one of a customer they are serving at the counter (see continuation.ts).
    const kase = await w.get('case', m.caseId);
    if (!kase || !(canSeeCase(ctx, actor, kase) || await isServing(w, actor.id, kase.customerId))) {
      throw new Refused('not-found', `case ${m.caseId} does not exist or is not yours to continue: look its customer up first`);
    }
    checkVersion(kase, m.basedOn, 'the case');
    if (actor.role === 'store' && m.storeId !== actor.storeId) throw new Refused('forbidden', 'a visit is recorded in your own store only');
    if (!await w.get('storeLocation', m.storeId)) throw new Refused('not-found', `store ${m.storeId} does not exist`);
    const taken = await withAssignee(w, { ...kase, storeId: m.storeId, status: isOpenCase(kase) ? kase.status : 'open' }, actor.id);
    const visit = await sendOnCase(w, taken, { kind: 'store', direction: 'outbound', text: m.text, authorId: actor.id, meta: { storeId: m.storeId, staffId: actor.id } });
    await audit(w, actor, 'case.continueInStore', caseTarget(taken),
      { storeId: kase.storeId, status: kase.status, assigneeId: kase.assigneeId },
      { storeId: m.storeId, status: taken.status, assigneeId: taken.assigneeId, interactionId: visit.id, excerpt: auditExcerpt(visit.text) });
    return { id: visit.id };
  },

  async 'customer.update'(w, actor, m) {
    const { ctx } = w;
    const customer = await mustSeeCustomer(w, actor, m.customerId);
    checkVersion(customer, m.basedOn, 'the customer');
    const updated: Customer = { ...customer, ...m.patch, updatedAt: ctx.now(), version: customer.version + 1 };
    await claimIdentities(w, customer.id, updated);
    await w.save('customer', updated);
    return {};
  },

  async 'customer.create'(w, actor, m) {
    await claimIdentities(w, null, { emails: m.emails, phones: m.phones, handles: [], loyaltyNumber: null });
    const customer = await createCustomer(w, { name: m.name, emails: m.emails, phones: m.phones, language: m.language, storeId: actor.storeId });
    return { id: customer.id };
  },

  async 'held.resolve'(w, actor, m) {
    const { ctx } = w;
    const held = await w.get('held', m.heldId);
    if (!held || held.authorId !== actor.id) throw new Refused('not-found', `held reply ${m.heldId} does not exist or is not yours`);
    if (held.status !== 'held') throw new Refused('conflict', `held reply was already ${held.status}`);
    const kase = await w.get('case', held.caseId);
    if (!kase) throw new Refused('not-found', `case ${held.caseId} does not exist`);
    let status: HeldReply['status'] = 'discarded';
    if (m.action === 'resend') {
      if (kase.status === 'closed') throw new Refused('conflict', 'the case is closed: turn the reply into a note instead');
      if (kase.assigneeId !== null && kase.assigneeId !== actor.id) throw new Refused('forbidden', 'the case belongs to someone else now: turn the reply into a note for them');
      await sendReply(w, actor, kase, held, await addressFor(w, kase, held.channel));
      status = 'sent';
    } else if (m.action === 'note') {
      const note = await appendInteraction(w, kase, { kind: 'note', direction: 'internal', text: held.text, authorId: actor.id, meta: held.attachments?.length ? { attachments: held.attachments } : {} });
      await audit(w, actor, 'case.note', caseTarget(kase), null, { interactionId: note.id, heldId: held.id, excerpt: auditExcerpt(note.text) });
      status = 'noted';
    }
    await w.save('held', { ...held, status, resolvedAt: ctx.now() });
    return {};
  },

  async 'survey.send'(w, actor, m) {
    const kase = await mustGetCase(w, actor, m.caseId);
    if (kase.status !== 'resolved') throw new Refused('conflict', 'a survey goes out only for resolved cases');
    await auditSurvey(w, actor, kase, await sendSurvey(w, kase, actor.id), false);
    return {};
  },

  async 'delivery.retry'(w, actor, m) {
    const delivery = await w.get('delivery', m.deliveryId);
    const kase = delivery && (await w.get('case', delivery.caseId));
    if (!delivery || !kase || !canSeeCase(w.ctx, actor, kase)) throw new Refused('not-found', `delivery ${m.deliveryId} does not exist or is not yours to see`);
    const retried = await retryDelivery(w, actor, delivery, kase);
    await audit(w, actor, 'delivery.retry', { targetType: 'delivery', targetId: delivery.id, queueId: kase.queueId, caseId: kase.id },
      { status: delivery.status, attempts: delivery.attempts }, { status: retried.status, channel: delivery.channel, purpose: delivery.purpose });
    return { id: retried.id };
  },

  'alert.acknowledge': (w, actor, m) =>
    changeAlert(w, actor, m, (a) => ({ status: a.status === 'raised' ? 'acknowledged' : a.status, acknowledgedAt: w.ctx.now(), acknowledgedBy: actor.id }), 'alert.acknowledge'),
  async 'alert.assign'(w, actor, m) {
    const { ctx } = w;
    if (!ctx.staff(m.staffId)) throw new Refused('not-found', `staff ${m.staffId} does not exist`);
    return await changeAlert(w, actor, m, (a) => ({
      status: 'follow-up',
      followUpStaffId: m.staffId,
      acknowledgedAt: a.acknowledgedAt ?? ctx.now(),
      acknowledgedBy: a.acknowledgedBy ?? actor.id,
    }), 'alert.assign');
  },
  'alert.close': (w, actor, m) =>
    changeAlert(w, actor, m, (a) => ({ status: 'closed', closedAt: w.ctx.now(), result: m.result, outcome: m.outcome, acknowledgedAt: a.acknowledgedAt ?? w.ctx.now(), acknowledgedBy: a.acknowledgedBy ?? actor.id }), 'alert.close'),

  async 'staff.setStatus'(w, actor, m) {
    const { ctx } = w;
    await setStaffStatus(w, ctx.staff(actor.id) ?? actor, m.status);
    return {};
  },

  async 'supervisor.reassign'(w, actor, m) {
    requireSupervisor(actor);
    const items: ItemResult[] = [];
    for (const id of m.caseIds) items.push(await reassignOne(w, actor, id, m.to));
    return { items };
  },

  async 'supervisor.reassignAll'(w, actor, m) {
    const { ctx } = w;
    requireSupervisor(actor);
    const from = ctx.staff(m.fromStaffId);
    if (!from) throw new Refused('not-found', `staff ${m.fromStaffId} does not exist`);
    if ('staffId' in m.to && m.to.staffId === from.id) throw new Refused('invalid', 'cannot move cases to the person they come from');
    // Cases first, while the person is still "available": a status change to away would hand their
    // unanswered offers to the router on its own, and the supervisor asked for a specific destination.
    const items: ItemResult[] = [];
    for (const c of await w.openCasesOfAssignee(from.id)) items.push(await reassignOne(w, actor, c.id, m.to));
    if (m.setStatus) {
      const before = from.status;
      const updated = await setStaffStatus(w, ctx.staff(from.id) ?? from, m.setStatus);
      await audit(w, actor, 'staff.status', { targetType: 'staff', targetId: from.id, queueId: null, caseId: null }, { status: before }, { status: updated.status });
    }
    return { items };
  },

  async 'supervisor.updateStaff'(w, actor, m) {
    const { ctx } = w;
    requireSupervisor(actor);
    const staff = ctx.staff(m.staffId);
    if (!staff) throw new Refused('not-found', `staff ${m.staffId} does not exist`);
    checkVersion(staff, m.basedOn, 'this person');
    let current = staff;
    if (m.patch.capacity) {
      const capacity = { ...current.capacity, ...m.patch.capacity };
      await audit(w, actor, 'staff.capacity', { targetType: 'staff', targetId: staff.id, queueId: null, caseId: null }, current.capacity, capacity);
      current = { ...current, capacity, version: current.version + 1 };
      await w.save('staff', current);
    }
    if (m.patch.status) {
      const before = current.status;
      current = await setStaffStatus(w, current, m.patch.status);
      await audit(w, actor, 'staff.status', { targetType: 'staff', targetId: staff.id, queueId: null, caseId: null }, { status: before }, { status: current.status });
    }
    if (m.patch.queueIds) {
      for (const id of m.patch.queueIds) if (!ctx.queue(id)) throw new Refused('not-found', `queue ${id} does not exist`);
      const before = await setQueuesOf(w, staff.id, m.patch.queueIds);
      await audit(w, actor, 'staff.queues', { targetType: 'staff', targetId: staff.id, queueId: null, caseId: null }, before, [...new Set(m.patch.queueIds)]);
    }
    if (m.patch.capacity) await pullWaitingWork(w, staff.id);
    return {};
  },

  async 'supervisor.mergeCustomers'(w, actor, m) {
    const { ctx } = w;
    requireSupervisor(actor);
    if (m.survivorId === m.mergedId) throw new Refused('invalid', 'a customer cannot be merged into itself');
    const survivor = await w.get('customer', m.survivorId);
    const merged = await w.get('customer', m.mergedId);
    if (!survivor || !merged) throw new Refused('not-found', 'both customers must exist');
    if (survivor.mergedInto || merged.mergedInto) throw new Refused('conflict', 'one of these customers was already merged');
    const now = ctx.now();
    const union = <T>(a: T[], b: T[]) => [...new Set([...a, ...b])];
    // The duplicate gives up its identities first, so that they can move to the survivor.
    await w.save('customer', { ...merged, mergedInto: survivor.id, updatedAt: now, version: merged.version + 1 });
    const after: Customer = {
      ...survivor,
      emails: union(survivor.emails, merged.emails),
      phones: union(survivor.phones, merged.phones),
      handles: union(survivor.handles, merged.handles),
      loyaltyNumber: survivor.loyaltyNumber ?? merged.loyaltyNumber,
      tags: union(survivor.tags, merged.tags),
      // The duplicate's notes follow, in the order they were written (the newest kept if both together are too many).
      ...(customerNotes(merged).length > 0
        ? { notes: [...customerNotes(survivor), ...customerNotes(merged)].sort((a, b) => a.createdAt - b.createdAt).slice(-MAX_CUSTOMER_NOTES) }
        : {}),
      updatedAt: now,
      version: survivor.version + 1,
    };
    for (const c of await w.casesOfCustomer(merged.id)) {
      await w.save('case', { ...c, customerId: survivor.id, updatedAt: now, version: c.version + 1 });
      for (const i of await w.interactionsOfCase(c.id)) await w.save('interaction', { ...i, customerId: survivor.id });
    }
    await w.save('customer', after);
    await audit(w, actor, 'customer.merge', { targetType: 'customer', targetId: survivor.id, queueId: null, caseId: null }, { mergedId: merged.id }, { survivorId: survivor.id });
    return { id: survivor.id };
  },
};

/**
 * Applies one mutation from a workstation, exactly once: its id is claimed in the same transaction as the
 * change and its result, so a retry (to this hub node or another) gets the first result back, and a crash
 * cannot separate them. The result's seq is the last change this transaction logged, and its basis the version
 * of the row the mutation was based on before and after it (see conflicts.ts).
 */
export async function applyMutation(ctx: HubContext, actor: Staff, m: Mutation): Promise<MutationResult> {
  try {
    return await ctx.write(async (w) => {
      const seen = (await w.claimMutation(actor.id, m.mutationId, ctx.now())) as MutationResult | null;
      if (seen) return seen;
      const me = ctx.staff(actor.id) ?? actor;
      const basis = await watchBasis(w, m);
      const applied = await (handlers[m.type] as Handler<typeof m.type>)(w, me, m);
      const seq = w.lastSeq() || (await w.head());
      const changed = await basis.done();
      const result: MutationResult = {
        ok: true,
        outcome: applied.outcome ?? 'applied',
        seq,
        ...(applied.id ? { id: applied.id } : {}),
        ...(applied.items ? { items: applied.items } : {}),
        ...(changed ? { basis: changed } : {}),
      };
      await w.saveMutationResult(actor.id, m.mutationId, result);
      return result;
    });
  } catch (err) {
    if (!(err instanceof Refused)) throw err;
    const result: MutationResult = { ok: false, reason: err.reason, message: err.message, ...(err.current !== undefined ? { current: err.current } : {}) };
    // Refusals are final too: a retry of the same mutation gets the same answer instead of a second attempt.
    return ctx.write(async (w) => {
      const seen = (await w.claimMutation(actor.id, m.mutationId, ctx.now())) as MutationResult | null;
      if (seen) return seen;
      await w.saveMutationResult(actor.id, m.mutationId, result);
      return result;
    });
  }
}
