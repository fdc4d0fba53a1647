import type {
  Case,
  CaseStatus,
  Channel,
  CsatResponse,
  Interaction,
  InteractionMeta,
  Lang,
  Priority,
  Queue,
} from '../../shared/domain';
import type { CasePlan } from './casePlan';
import { storeForLanguage, type CustomerProfile } from './customers';
import {
  agentMessage,
  conversationDetails,
  customerMessage,
  storeJourneyText,
  surveyComment,
  topicText,
  type ConversationDetails,
} from './messageText';
import { queueMembers, STORE_LOCATIONS, storeStaff, type QueueId, type RosterEntry } from './organisation';
import type { Random } from './random';
import { STORE_TOPICS, TOPICS, type Mood, type StoreTopic } from './text/languagePack';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Generated history reaches this far back from `now`. */
const HISTORY_SPAN = 60 * DAY;

/** Hands out sequential ids; one per generator run, so ids follow generation order. */
export interface IdSequence {
  caseId(): string;
  interactionId(): string;
  csatId(): string;
}

/** What building a case needs besides the customer and the plan. */
export interface CaseContext {
  rng: Random;
  now: number;
  queues: ReadonlyMap<string, Queue>;
  ids: IdSequence;
}

/** A case with its timeline and, for some resolved cases, the customer's survey answer. */
export interface BuiltCase {
  case: Case;
  interactions: Interaction[];
  csat: CsatResponse | null;
}

type Role = 'in' | 'out' | 'note';
/** What a step of the timeline says; most follow from the role, the store journey adds its own. */
type Content = 'customer' | 'agent' | 'note' | 'promise-video' | 'invitation' | 'store-visit';

interface Step {
  role: Role;
  content: Content;
  channel: Channel;
  at: number;
}

const ORIGIN_WEIGHTS: Readonly<Record<Channel, number>> = {
  chat: 25, email: 20, phone: 18, social: 10, sms: 8, video: 8, store: 9,
};
const QUEUE_OF: Readonly<Record<Exclude<Channel, 'video'>, QueueId>> = {
  chat: 'q-online', email: 'q-online', sms: 'q-online', phone: 'q-hotline', social: 'q-social', store: 'q-stores',
};
const MOOD_WEIGHTS: Readonly<Record<Mood, number>> = { angry: 20, anxious: 25, neutral: 40, happy: 15 };
const NETWORKS = ['facebook', 'instagram', 'x'] as const;

/** Minutes a customer (`in`) or an agent (`out`) typically takes to write again on each channel. */
const PACE: Readonly<Record<Channel, Readonly<Record<'in' | 'out', readonly [number, number]>>>> = {
  chat: { in: [1, 5], out: [1, 8] },
  sms: { in: [10, 360], out: [5, 90] },
  social: { in: [30, 720], out: [5, 120] },
  email: { in: [120, 2_880], out: [20, 480] },
  phone: { in: [60, 2_880], out: [10, 240] },
  video: { in: [60, 2_880], out: [10, 120] },
  // A store visit follows the video chat by a day or more: the customer has to come in.
  store: { in: [1_440, 5_760], out: [5, 60] },
};

/** The customer's contact channels, as far as their identities allow. */
function remoteChannels(profile: CustomerProfile): Channel[] {
  const c = profile.customer;
  const channels: Channel[] = ['chat'];
  if (c.emails.length > 0) channels.push('email');
  if (c.phones.length > 0) channels.push('phone', 'sms');
  if (c.handles.length > 0) channels.push('social');
  return channels;
}

/** A case starts on a channel the customer can use; video chats and visits always have someone serving them. */
function pickOrigin(rng: Random, profile: CustomerProfile, status: CaseStatus): Channel {
  const remote = remoteChannels(profile);
  const possible = new Set<Channel>(status === 'new' ? remote : [...remote, 'video', 'store']);
  for (;;) {
    const channel = rng.weighted(ORIGIN_WEIGHTS);
    if (possible.has(channel)) return channel;
  }
}

/** Where an agent answers a customer who wrote on `channel`: a video chat or a visit is followed up in writing. */
function replyChannel(channel: Channel, profile: CustomerProfile): Channel {
  if (channel !== 'video' && channel !== 'store') return channel;
  return profile.customer.phones.length > 0 ? 'sms' : 'email';
}

function pickPriority(rng: Random, mood: Mood): Priority {
  if (mood === 'angry') return rng.weighted({ urgent: 25, high: 50, normal: 25 });
  if (mood === 'anxious') return rng.weighted({ high: 30, normal: 70 });
  return rng.weighted({ normal: 80, low: 20 });
}

/** The order of roles of an ordinary case, ending the way its status requires. */
function standardRoles(rng: Random, plan: CasePlan): Role[] {
  if (plan.status === 'new') return Array<Role>(plan.length).fill('in');
  const roles: Role[] = ['in', 'out'];
  while (roles.length < plan.length) {
    const previous = roles[roles.length - 1];
    if (rng.chance(0.15)) roles.push('note');
    else roles.push(previous === 'in' ? 'out' : previous === 'out' ? 'in' : rng.pick<Role>(['in', 'out']));
  }
  roles[roles.length - 1] = plan.status === 'open' ? 'in' : 'out';
  return roles;
}

/** The steps of the store journey: the video chat, the invitation to the store, notes, and the visit itself. */
function storeJourneyContents(plan: CasePlan): Content[] {
  const contents: Content[] = ['promise-video', 'invitation'];
  if (plan.journey === 'store-awaited') {
    while (contents.length < plan.length) contents.push('note');
    return contents;
  }
  const tail: Content[] = ['store-visit', 'agent'];
  while (contents.length + tail.length < plan.length) contents.push('note');
  return [...contents, ...tail];
}

const ROLE_OF: Readonly<Record<Content, Role>> = {
  customer: 'in', agent: 'out', note: 'note', 'promise-video': 'in', invitation: 'out', 'store-visit': 'in',
};

/** Assigns channels to the steps: customers sometimes switch channel; agents answer where the customer wrote. */
function withChannels(rng: Random, contents: Content[], origin: Channel, profile: CustomerProfile): Omit<Step, 'at'>[] {
  const remote = remoteChannels(profile);
  let customerChannel = origin;
  return contents.map((content, i) => {
    const role = ROLE_OF[content];
    if (content === 'store-visit') customerChannel = 'store';
    else if (role === 'in' && i > 0) {
      // A customer who came to the store or sat in a video chat writes or calls afterwards.
      const mustMove = customerChannel === 'video' || customerChannel === 'store';
      if (mustMove || rng.chance(0.15)) customerChannel = rng.pick(remote);
    }
    const channel = role === 'in' ? customerChannel : replyChannel(customerChannel, profile);
    return { role, content, channel };
  });
}

/** How long ago a case of each status last changed: [longest, shortest]. Open work is recent; closed work is old. */
const LAST_CHANGE_AGO: Readonly<Record<CaseStatus, readonly [number, number]>> = {
  closed: [HISTORY_SPAN, 7 * DAY],
  resolved: [7 * DAY, HOUR],
  pending: [5 * DAY, HOUR],
  // New and open cases wait for an answer: some still within their SLA, some past it.
  open: [8 * HOUR, MINUTE],
  new: [8 * HOUR, MINUTE],
};

/** Spreads the steps in time at each channel's pace, ending when the case's status says it last changed. */
function withTimes(rng: Random, steps: Omit<Step, 'at'>[], status: CaseStatus, now: number): Step[] {
  const gaps = steps.map((step, i) => {
    if (i === 0) return 0;
    if (step.role === 'note') return rng.int(2, 60) * MINUTE;
    const [min, max] = PACE[step.channel][step.role];
    return rng.int(min * MINUTE, max * MINUTE);
  });
  const [longest, shortest] = LAST_CHANGE_AGO[status];
  const latestEnd = now - shortest;
  const room = latestEnd - (now - HISTORY_SPAN);
  let total = gaps.reduce((a, b) => a + b, 0);
  if (total > room) {
    // Squeeze the conversation so that it starts within the history span.
    for (let i = 0; i < gaps.length; i++) gaps[i] = Math.floor((gaps[i] * room) / total);
    total = gaps.reduce((a, b) => a + b, 0);
  }
  const earliestEnd = Math.min(Math.max(now - longest, now - HISTORY_SPAN + total), latestEnd);
  let at = rng.int(earliestEnd, latestEnd) - total;
  return steps.map((step, i) => {
    at += gaps[i];
    return { ...step, at };
  });
}

/** Who handles the case: one member of staff, or two when the case was handed over (or moved to the store). */
function pickHandlers(rng: Random, queueId: QueueId, profile: CustomerProfile, storeId: string | null, plan: CasePlan): RosterEntry[] {
  const lang = profile.customer.language;
  if (plan.status === 'new') return [];
  const local = storeId ? storeStaff(storeId) : [];
  const speakers = local.filter((s) => s.languages.includes(lang));
  const atStore = speakers.length > 0 ? speakers : local;
  if (plan.journey === 'store-visited') return [rng.pick(queueMembers(queueId, lang)), rng.pick(atStore)];
  if (queueId === 'q-stores' && plan.journey === 'standard' && atStore.length > 0) return [rng.pick(atStore)];
  const members = queueMembers(queueId, lang);
  return rng.chance(0.12) && members.length > 1 ? rng.sample(members, 2) : [rng.pick(members)];
}

const firstName = (fullName: string): string => fullName.split(' ')[0];

/** Builds one case of a customer, following its plan, with every field consistent with its interactions. */
export function buildCase(ctx: CaseContext, profile: CustomerProfile, plan: CasePlan): BuiltCase {
  const { rng, now } = ctx;
  const customer = profile.customer;
  const lang = customer.language;
  const storeJourney = plan.journey !== 'standard';
  const origin: Channel = storeJourney ? 'video' : pickOrigin(rng, profile, plan.status);
  // Video advisers sit in the stores queue and the hotline; most video chats are about something to show.
  const queueId: QueueId = origin === 'video' ? rng.pick(['q-stores', 'q-stores', 'q-hotline']) : QUEUE_OF[origin];
  const queue = ctx.queues.get(queueId);
  if (!queue) throw new Error(`unknown queue ${queueId}`);
  const storeId = storeJourney || origin === 'store' ? customer.storeId ?? storeForLanguage(rng, lang) : null;
  const topic = storeJourney ? rng.pick(STORE_TOPICS) : rng.pick(TOPICS);
  const mood = rng.weighted(MOOD_WEIGHTS);
  const handlers = pickHandlers(rng, queueId, profile, storeId, plan);

  const contents: Content[] = storeJourney
    ? storeJourneyContents(plan)
    : standardRoles(rng, plan).map((role) => (role === 'in' ? 'customer' : role === 'out' ? 'agent' : 'note'));
  const steps = withTimes(rng, withChannels(rng, contents, origin, profile), plan.status, now);

  // A hand-over happens between the first and the last step; the store journey hands over at the visit.
  const visitIndex = contents.indexOf('store-visit');
  const handoverIndex = visitIndex >= 0 ? visitIndex : rng.int(1, Math.max(1, steps.length - 1));
  const handlerAt = (i: number): RosterEntry | undefined => (handlers.length > 1 && i >= handoverIndex ? handlers[1] : handlers[0]);

  const details: ConversationDetails = conversationDetails(rng, {
    lang, topic, mood, at: steps[0].at,
    customerFirstName: profile.name.first,
    agentFirstName: handlers.length > 0 ? firstName(handlers[0].name) : '',
    storeName: STORE_LOCATIONS.find((s) => s.id === storeId)?.name ?? '',
  });
  const journeyDetails = details as ConversationDetails & { topic: StoreTopic };
  const subject = topicText(details, 'subject');
  const network = rng.pick(NETWORKS);
  const caseId = ctx.ids.caseId();
  const lastAgentIndex = contents.lastIndexOf('agent');
  const finished = plan.status === 'resolved' || plan.status === 'closed';

  let customerTurns = 0;
  let agentTurns = 0;
  const interactions: Interaction[] = steps.map((step, i) => {
    const handler = handlerAt(i);
    // Replies are signed by whoever handles the case at that point (after a hand-over, the second person).
    const agentDetails = handler && handler !== handlers[0]
      ? { ...details, vars: { ...details.vars, agent: firstName(handler.name) } }
      : details;
    const meta: InteractionMeta = {};
    let text = '';
    const emailSubject = step.channel === 'email' ? (i === 0 ? subject : `Re: ${subject}`) : null;
    switch (step.content) {
      case 'customer':
        text = customerMessage(rng, details, customerTurns++ === 0 ? 'opening' : 'follow-up');
        break;
      case 'agent': {
        const turn = finished && i === lastAgentIndex ? 'resolution' : agentTurns === 0 ? 'reply' : rng.pick(['reply', 'holding'] as const);
        agentTurns++;
        text = agentMessage(rng, agentDetails, turn, step.channel === 'email');
        break;
      }
      case 'note':
        text = topicText(details, 'note');
        break;
      case 'promise-video':
        customerTurns++;
        text = customerMessage(rng, details, 'opening');
        meta.sessionLengthSec = rng.int(240, 1_500);
        meta.summary = topicText(details, 'videoSummary');
        meta.notes = storeJourneyText(journeyDetails, 'promise');
        break;
      case 'invitation':
        agentTurns++;
        text = storeJourneyText({ ...journeyDetails, vars: agentDetails.vars }, 'invitation');
        break;
      case 'store-visit':
        text = storeJourneyText(journeyDetails, 'visit');
        break;
    }
    if (step.content === 'customer') {
      if (!describeCall(rng, step.channel, meta, details)) text = '';
    } else if (step.role === 'out' && step.channel === 'phone') {
      meta.durationSec = rng.int(60, 600);
      meta.outcome = finished && i === lastAgentIndex ? 'resolved' : 'follow-up';
    }
    if (step.channel === 'email' && step.role !== 'note') meta.address = customer.emails[0];
    if (step.channel === 'social' && step.role !== 'note') {
      meta.network = network;
      meta.handle = customer.handles[0];
    }
    if (step.channel === 'store' && step.role === 'in') {
      meta.storeId = storeId ?? undefined;
      meta.staffId = handler?.id;
    }
    return {
      id: ctx.ids.interactionId(),
      caseId,
      customerId: customer.id,
      kind: step.role === 'note' ? 'note' : step.channel,
      direction: step.role === 'in' ? 'inbound' : step.role === 'out' ? 'outbound' : 'internal',
      text,
      subject: step.role === 'note' ? null : emailSubject,
      authorId: step.role === 'in' ? null : handler?.id ?? null,
      externalId: step.role === 'in' ? `seed-${caseId}-${i}` : null,
      meta,
      createdAt: step.at,
    } satisfies Interaction;
  });

  const builtCase = caseFromTimeline(ctx, {
    id: caseId, customerId: customer.id, subject, status: plan.status, priority: pickPriority(rng, mood), queue,
    storeId, origin, handlers, handoverAt: steps[Math.min(handoverIndex, steps.length - 1)].at,
  }, interactions);
  const csat = finished ? maybeSurvey(ctx, builtCase, lang) : null;
  if (csat) {
    builtCase.csatScore = csat.score;
    builtCase.updatedAt = csat.createdAt;
  }
  return { case: builtCase, interactions, csat };
}

/**
 * Channel details of a customer's message: a phone call gets a length, an outcome and the agent's notes, a video
 * chat a session length, summary and notes. Returns false when nothing was said (a missed call has no text).
 */
function describeCall(rng: Random, channel: Channel, meta: InteractionMeta, details: ConversationDetails): boolean {
  if (channel === 'phone') {
    const outcome = rng.weighted({ 'follow-up': 70, transferred: 10, voicemail: 10, missed: 10 });
    meta.outcome = outcome;
    if (outcome === 'missed') {
      meta.durationSec = 0;
      return false;
    }
    if (outcome === 'voicemail') meta.durationSec = rng.int(15, 60);
    else {
      meta.durationSec = rng.int(60, 900);
      meta.notes = topicText(details, 'callNotes');
    }
  } else if (channel === 'video') {
    meta.sessionLengthSec = rng.int(180, 1_500);
    meta.summary = topicText(details, 'videoSummary');
    meta.notes = topicText(details, 'videoNotes');
  }
  return true;
}

interface CaseHeader {
  id: string;
  customerId: string;
  subject: string;
  status: CaseStatus;
  priority: Priority;
  queue: Queue;
  storeId: string | null;
  origin: Channel;
  handlers: RosterEntry[];
  handoverAt: number;
}

/**
 * Derives a case's summary fields from its timeline: channels, counts, last message, reply times and SLA dues.
 * The dues follow the queue's policy: the first reply is due `firstResponseMinutes` after the first customer
 * message; later, `nextResponseMinutes` after the first customer message that has no answer yet. While nothing
 * was answered, the next reply due is the first one. Nothing is due while waiting on the customer or once done.
 */
function caseFromTimeline(ctx: CaseContext, h: CaseHeader, timeline: Interaction[]): Case {
  const channels: Channel[] = [];
  let inboundCount = 0;
  let firstInboundAt: number | null = null;
  let lastInboundAt: number | null = null;
  let lastOutboundAt: number | null = null;
  let firstRespondedAt: number | null = null;
  let unansweredSince: number | null = null;
  let lastChannel: Channel = h.origin;
  let lastMessageId: string | null = null;
  for (const it of timeline) {
    if (it.kind === 'note') continue;
    if (!channels.includes(it.kind)) channels.push(it.kind);
    lastMessageId = it.id;
    if (it.direction === 'inbound') {
      inboundCount++;
      firstInboundAt ??= it.createdAt;
      lastInboundAt = it.createdAt;
      lastChannel = it.kind;
      unansweredSince ??= it.createdAt;
    } else {
      firstRespondedAt ??= it.createdAt;
      lastOutboundAt = it.createdAt;
      unansweredSince = null;
    }
  }
  const open = h.status === 'new' || h.status === 'open';
  const { firstResponseMinutes, nextResponseMinutes } = h.queue.sla;
  const firstResponseDueAt = open && firstRespondedAt === null && firstInboundAt !== null
    ? firstInboundAt + firstResponseMinutes * MINUTE
    : null;
  const nextResponseDueAt = !open || unansweredSince === null
    ? null
    : firstResponseDueAt ?? unansweredSince + nextResponseMinutes * MINUTE;
  const last = timeline[timeline.length - 1].createdAt;
  const finished = h.status === 'resolved' || h.status === 'closed';
  const assigneeHistory = h.handlers.map((s, i) => ({
    staffId: s.id,
    // The first handler takes the case just after it arrives; a second one at the hand-over.
    at: i === 0 ? timeline[0].createdAt + Math.min(MINUTE, Math.floor((h.handoverAt - timeline[0].createdAt) / 2)) : h.handoverAt,
  }));
  return {
    id: h.id,
    customerId: h.customerId,
    subject: h.subject,
    status: h.status,
    priority: h.priority,
    queueId: h.queue.id,
    assigneeId: h.handlers.length > 0 ? h.handlers[h.handlers.length - 1].id : null,
    storeId: h.storeId,
    originChannel: h.origin,
    channels,
    lastChannel,
    firstResponseDueAt,
    nextResponseDueAt,
    firstRespondedAt,
    slaBreachedAt: nextResponseDueAt !== null && nextResponseDueAt < ctx.now ? nextResponseDueAt : null,
    lastInboundAt,
    lastOutboundAt,
    lastMessageId,
    inboundCount,
    csatScore: null,
    assigneeHistory,
    createdAt: timeline[0].createdAt,
    updatedAt: last,
    resolvedAt: finished ? last : null,
    version: 1,
  };
}

const SCORE_BANDS = { low: 15, mid: 20, high: 65 } as const;

/** Some customers answer the survey sent when their case was resolved; some of them are unhappy. */
function maybeSurvey(ctx: CaseContext, c: Case, lang: Lang): CsatResponse | null {
  const { rng, now } = ctx;
  if (c.resolvedAt === null || !rng.chance(0.45)) return null;
  const createdAt = c.resolvedAt + rng.int(5 * MINUTE, 48 * HOUR);
  if (createdAt >= now) return null;
  const band = rng.weighted(SCORE_BANDS);
  const score = band === 'low' ? rng.int(1, 4) : band === 'mid' ? rng.int(5, 7) : rng.int(8, 10);
  return {
    id: ctx.ids.csatId(),
    caseId: c.id,
    customerId: c.customerId,
    queueId: c.queueId,
    score,
    comment: rng.chance(0.5) ? surveyComment(rng, lang, score) : null,
    createdAt,
  };
}
