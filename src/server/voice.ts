import { acceptsSurveys, deliveryAddress, isSupervising, type Alert, type Case, type Channel, type CsatResponse, type Customer, type DeliveryAddress, type Interaction } from '../shared/domain';
import type { HubContext, UnitOfWork } from './context';
import { toneOfMessage } from './messageTone';
import { queueDelivery } from './delivery/queueDelivery';
import { Refused } from './refused';
import { surveyQuestion } from './texts';
import { newSurveyToken } from './survey/surveyToken';

/** Channels a survey can be written on; after a call, a video session or a visit it goes by SMS or email. */
const SURVEY_CHANNELS: ReadonlySet<Channel> = new Set(['chat', 'email', 'sms', 'social']);

/**
 * Where a case's survey goes: the case's last channel when a survey can be written there, else SMS, else email,
 * whichever the customer has an address for first; or why none may go (no consent, no address).
 */
async function surveyTarget(w: UnitOfWork, kase: Case): Promise<{ customer: Customer; channel: Channel; to: DeliveryAddress } | Refused> {
  const customer = await w.get('customer', kase.customerId);
  if (!customer) return new Refused('not-found', `the customer of case ${kase.id} does not exist`);
  if (!acceptsSurveys(customer)) return new Refused('no-consent', 'the customer asked not to be sent surveys');
  const timeline = await w.interactionsOfCase(kase.id);
  const candidates: Channel[] = [...(SURVEY_CHANNELS.has(kase.lastChannel) ? [kase.lastChannel] : []), 'sms', 'email'];
  for (const channel of candidates) {
    const to = deliveryAddress(customer, channel, timeline);
    if (to) return { customer, channel, to };
  }
  return new Refused('no-address', `the customer has no address to send the survey to on ${candidates.join(', ')}: add a phone or an email to their record`);
}

/**
 * Sends the 1-10 survey of a resolved case through its channel, queued for delivery in the same unit of work.
 * Refuses (`no-consent`, `no-address`) when it may not or cannot go.
 */
export async function sendSurvey(w: UnitOfWork, kase: Case, authorId: string | null): Promise<Interaction> {
  const target = await surveyTarget(w, kase);
  if (target instanceof Refused) throw target;
  return writeSurvey(w, kase, authorId, target);
}

/** The survey sent by itself when a case is resolved: skipped for a customer who opted out or cannot be reached. */
export async function sendSurveyIfWanted(w: UnitOfWork, kase: Case, authorId: string | null): Promise<Interaction | null> {
  const target = await surveyTarget(w, kase);
  return target instanceof Refused ? null : writeSurvey(w, kase, authorId, target);
}

async function writeSurvey(w: UnitOfWork, kase: Case, authorId: string | null, { customer, channel, to }: { customer: Customer; channel: Channel; to: DeliveryAddress }): Promise<Interaction> {
  const { ctx } = w;
  const now = ctx.now();
  const message: Interaction = {
    id: ctx.newId('int'),
    caseId: kase.id,
    customerId: kase.customerId,
    kind: channel,
    direction: 'outbound',
    text: surveyQuestion[customer.language],
    subject: null,
    authorId,
    externalId: null,
    meta: {},
    createdAt: now,
  };
  await w.save('interaction', message);
  // One link per case: a survey sent again keeps the link the customer may already have.
  await w.surveySent(kase.id, now, (await w.survey(kase.id))?.token ?? newSurveyToken());
  await queueDelivery(w, message, to, 'survey');
  return message;
}

/** How long a customer may change their survey answer after first giving it; then it is locked. */
export const SURVEY_CHANGEABLE_MS = 7 * 24 * 3_600_000;

/** A survey answer that can no longer change: it was first given more than SURVEY_CHANGEABLE_MS ago. */
export class SurveyLocked extends Error {
  constructor(readonly caseId: string) {
    super(`the survey of case ${caseId} was answered more than 7 days ago and can no longer change`);
  }
}

/** A case's survey as its customer sees it: their answer so far and until when they may change it. */
export interface SurveyAnswerState {
  score: number | null;
  comment: string | null;
  /** When the answer locks (null until first answered). */
  changeableUntil: number | null;
  locked: boolean;
}

/** The customer's answer to a case's survey, if any (the newest of its csat rows). */
async function currentAnswer(w: Pick<UnitOfWork, 'caseRows'>, caseId: string): Promise<CsatResponse | null> {
  const rows = (await w.caseRows(caseId)).filter((c) => c.op === 'upsert' && c.entity === 'csat').map((c) => c.data as CsatResponse);
  return rows.sort((a, b) => a.createdAt - b.createdAt).at(-1) ?? null;
}

/** Where a case's survey stands for its customer (the survey page, the web chat's inline question). */
export async function surveyAnswerState(w: Pick<UnitOfWork, 'caseRows' | 'survey'>, caseId: string, now: number): Promise<SurveyAnswerState> {
  const survey = await w.survey(caseId);
  const answer = await currentAnswer(w, caseId);
  const changeableUntil = survey?.answeredAt != null ? survey.answeredAt + SURVEY_CHANGEABLE_MS : null;
  return { score: answer?.score ?? null, comment: answer?.comment ?? null, changeableUntil, locked: changeableUntil !== null && now >= changeableUntil };
}

/**
 * Records a customer's answer to a case's survey: the first one, or a change within SURVEY_CHANGEABLE_MS of the
 * first (the same csat row, rewritten); later, throws SurveyLocked. A score at or below the queue's threshold
 * raises a red alert to its designated staff at once, unless the case has one open already. Returns the alert
 * raised, if any.
 */
export async function answerSurvey(w: UnitOfWork, kase: Case, score: number, comment: string | null): Promise<Alert | null> {
  const { ctx } = w;
  const now = ctx.now();
  const state = await surveyAnswerState(w, kase.id, now);
  if (state.locked) throw new SurveyLocked(kase.id);
  const previous = await currentAnswer(w, kase.id);
  await w.surveyAnswered(kase.id, now);
  await w.save('csat', {
    id: previous?.id ?? ctx.newId('csat'),
    caseId: kase.id,
    customerId: kase.customerId,
    queueId: kase.queueId,
    score,
    comment,
    createdAt: now,
  });
  await w.save('case', { ...kase, csatScore: score, updatedAt: now, version: kase.version + 1 });
  const queue = ctx.queue(kase.queueId);
  // A changed answer that is still low does not raise a second alert while the first is open.
  if (!queue || score > queue.csatAlertThreshold || (await w.openAlertOfCase(kase.id))?.reason === 'low-csat') return null;
  return raiseAlert(w, kase, 'low-csat', score, comment);
}

/**
 * Who a queue's red alert goes to: its designated staff who may see the queue's cases (members, supervisors and
 * admins; a designated person who left the queue no longer hears of its customers), or every supervisor when
 * none is left, so that a bad score never goes unheard.
 */
function alertRecipients(ctx: HubContext, queueId: string): string[] {
  const queue = ctx.queue(queueId);
  const mayHear = (id: string) => {
    const s = ctx.staff(id);
    return s !== null && (isSupervising(s.role) || (queue?.memberIds.includes(id) ?? false));
  };
  const designated = (queue?.alertStaffIds ?? []).filter(mayHear);
  return designated.length > 0 ? designated : ctx.allStaff().filter((s) => isSupervising(s.role)).map((s) => s.id);
}

/** Raises a red alert for a case, notifying the queue's designated staff. */
export async function raiseAlert(w: UnitOfWork, kase: Case, reason: Alert['reason'], score: number | null, comment: string | null): Promise<Alert> {
  const { ctx } = w;
  const alert: Alert = {
    id: ctx.newId('alert'),
    caseId: kase.id,
    customerId: kase.customerId,
    queueId: kase.queueId,
    reason,
    score,
    comment,
    status: 'raised',
    raisedAt: ctx.now(),
    notifiedStaffIds: alertRecipients(ctx, kase.queueId),
    acknowledgedAt: null,
    acknowledgedBy: null,
    followUpStaffId: null,
    escalatedAt: null,
    closedAt: null,
    outcome: null,
    version: 1,
  };
  await w.save('alert', alert);
  return alert;
}

/** A score this low, with anger, is a "very negative" message (docs/architecture.md, "Routing, SLA and voice of the customer"). */
const VERY_NEGATIVE = -0.9;

/**
 * Raises a red alert for a very negative customer message, unless the case already has an open alert.
 * Returns the alert raised, if any.
 */
export async function alertOnVeryNegative(w: UnitOfWork, kase: Case, text: string): Promise<Alert | null> {
  if (!text.trim()) return null;
  const state = toneOfMessage(text);
  if (state.score > VERY_NEGATIVE || state.emotion !== 'angry' || (await w.openAlertOfCase(kase.id))) return null;
  return raiseAlert(w, kase, 'negative-message', null, text.slice(0, 500));
}

/**
 * Alerts nobody acknowledged within their queue's limit go to every supervisor. The raised alerts are read
 * inside the unit of work that escalates them, so two hub nodes never escalate one alert twice. Returns how
 * many escalated.
 */
export function escalateAlerts(ctx: HubContext): Promise<number> {
  return ctx.write(async (w) => {
    const now = ctx.now();
    const supervisors = ctx.allStaff().filter((s) => isSupervising(s.role)).map((s) => s.id);
    let count = 0;
    for (const a of await w.raisedAlerts()) {
      if (a.status !== 'raised' || a.escalatedAt !== null) continue;
      const limit = (ctx.queue(a.queueId)?.alertAckMinutes ?? 15) * 60_000;
      if (now - a.raisedAt < limit) continue;
      const notified = [...new Set([...a.notifiedStaffIds, ...supervisors])];
      await w.save('alert', { ...a, escalatedAt: now, notifiedStaffIds: notified, version: a.version + 1 });
      count++;
    }
    return count;
  });
}
