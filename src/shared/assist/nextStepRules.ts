/**
 * The situations that call for a next step. Each rule reads the case and proposes zero or more steps with a
 * base score in [0, 1]; `suggestNextSteps` weighs them by agent feedback and ranks them.
 */
import type { Case, Channel, Interaction, KbArticle } from '../domain';
// The module itself, not the domain's index, which would pull zod into the assist bundle (see isOpenCase).
import { replyDueAt } from '../domain/sla';
import { affirmsOnly, isPromise, mentions, sentencesOf, statementsOf } from './caseStatements';
import {
  CALL,
  CALL_DROPPED,
  CALL_HOLD,
  CALL_UNANSWERED,
  DELIVERED_OR_SET_UP,
  DELIVERY_PROBLEM,
  GUIDE,
  ORDER_NUMBER_REQUEST,
  ORDER_TOPIC,
} from './lexicons';
import { searchArticles } from './searchArticles';
import type { CustomerState, NextStep } from './types';

/** Everything a rule may read, prepared once. */
export interface RuleContext {
  case: Case;
  /** Oldest first. */
  interactions: readonly Interaction[];
  articles: readonly KbArticle[];
  state: CustomerState;
  now: number;
  /** The customer's messages, oldest first. */
  inbound: readonly Interaction[];
  /** The newest customer messages and the case subject: what the customer is asking about now. */
  question: string;
  /** The customer is standing at the store counter (store staff serving them, or a store visit just recorded). */
  atCounter: boolean;
}

export type NextStepRule = (ctx: RuleContext) => NextStep[];

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** "Nearly due": this close to the first-response deadline. */
const REPLY_WINDOW_MINUTES = 15;
/** Waiting on the customer: remind after this many days, offer to close after the longer wait. */
const REMIND_AFTER_DAYS = 2;
const CLOSE_AFTER_DAYS = 7;
/** Survey score at or below which a red alert is due (the queue default, docs/architecture.md). */
const LOW_CSAT = 4;
/** Contacts from the customer that make this a repeat contact, and enough of them to escalate. */
const REPEAT_CONTACTS = 2;
const ESCALATE_CONTACTS = 3;
/** Recaps show at most this many sentences of each kind, each cut to this length. */
const RECAP_SENTENCES = 3;
const RECAP_SENTENCE_LENGTH = 160;
/** An order or booking number as customers write it: "#12345", "PL-1234567", "AB123456". */
const ORDER_NUMBER = /(?:^|[^\p{L}\p{N}])#?(?:\p{L}{1,4}[-/ ]?)?\p{N}{5,}/u;

/**
 * Same rule as the domain's `isOpenCase`, restated here because importing a value from the domain would pull
 * zod into the renderer's assist bundle; the engine imports only the domain's types.
 */
const isOpenCase = (c: Pick<Case, 'status'>): boolean => c.status !== 'resolved' && c.status !== 'closed';

function step(kind: NextStep['kind'], score: number, reasonKey: string, params: NextStep['params'], action: NextStep['action']): NextStep {
  return { kind, score, reasonKey, params, action };
}

/**
 * The first response (or the next one) is due within minutes, or overdue. Not while the customer is at the
 * counter: they are answered face to face. `time` is in milliseconds, shown by the UI's duration format.
 */
const replyNow: NextStepRule = ({ case: c, now, atCounter }) => {
  const due = replyDueAt(c);
  if (due === null || atCounter) return [];
  const minutes = Math.round((due - now) / MINUTE);
  if (minutes > REPLY_WINDOW_MINUTES) return [];
  const overdue = minutes < 0;
  return [
    step('reply-now', overdue ? 1 : 0.9, overdue ? 'reason.reply-now-overdue' : 'reason.reply-now', { time: Math.abs(minutes) * MINUTE }, {
      type: 'focus-composer',
    }),
  ];
};

function alreadyShared(ctx: RuleContext, article: KbArticle): boolean {
  return ctx.interactions.some((i) => i.direction === 'outbound' && i.text.includes(article.title));
}

/** An article in the customer's language answers what they ask. */
const shareArticle: NextStepRule = (ctx) => {
  if (!isOpenCase(ctx.case)) return [];
  const best = searchArticles(ctx.question, ctx.articles, ctx.state.language).find((m) => !alreadyShared(ctx, m.article));
  if (best === undefined) return [];
  const { article } = best;
  return [
    step('share-article', 0.55 + 0.25 * Math.min(1, best.score), 'reason.share-article', { title: article.title }, {
      type: 'share-article',
      articleId: article.id,
      title: article.title,
    }),
  ];
};

/** Sentences as a recap shows them: each cut to a readable length. */
function sentences(text: string): string[] {
  return sentencesOf(text).map((s) => (s.length > RECAP_SENTENCE_LENGTH ? `${s.slice(0, RECAP_SENTENCE_LENGTH - 1)}…` : s));
}

function staffTexts(i: Interaction): string[] {
  const texts = [i.meta.summary, i.meta.notes, i.direction === 'outbound' ? i.text : undefined];
  return texts.filter((t): t is string => t !== undefined && t !== '');
}

/**
 * The case moved channel (video chat, then the store): recap what was said and promised before. With the
 * customer at the counter the case is in the store now, even before the visit is written down.
 */
const recapPreviousChannel: NextStepRule = (ctx) => {
  const facing = ctx.interactions.filter((i) => i.kind !== 'note' && i.direction !== 'internal');
  const current = ctx.atCounter ? 'store' : facing[facing.length - 1]?.kind;
  if (current === undefined) return [];
  const previous = facing.filter((i) => i.kind !== current);
  const last = previous[previous.length - 1];
  if (last === undefined) return [];
  const channel = last.kind as Channel;
  const earlier = previous.filter((i) => i.kind === channel);
  const notes = ctx.interactions.filter((i) => i.kind === 'note' && i.createdAt <= last.createdAt);
  const staffSentences = [...earlier, ...notes].flatMap(staffTexts).flatMap(sentences);
  const promised = staffSentences.filter(isPromise).slice(-RECAP_SENTENCES);
  // A summary sentence that is a promise is listed once, as a promise; the customer's own words stay as said.
  const said = earlier
    .flatMap((i) => [...sentences(i.meta.summary ?? '').filter((s) => !isPromise(s)), ...(i.direction === 'inbound' ? sentences(i.text) : [])])
    .slice(-RECAP_SENTENCES);
  // Just arrived on the new channel: the recap matters most before the first reply there, and most of all
  // with the customer at the counter, where nobody should make them tell it again.
  const sinceSwitch = facing.filter((i) => i.kind === current && i.createdAt > last.createdAt).length;
  const score = ctx.atCounter ? 1 : sinceSwitch <= 2 ? 0.75 : 0.4;
  return [
    step('recap-previous-channel', score, 'reason.recap-previous-channel', { channel }, {
      type: 'open-recap',
      channel,
      interactionIds: earlier.map((i) => i.id),
      said,
      promised,
    }),
  ];
};

/** The customer asks about an order but has not given its number (and nobody has asked for it yet). */
const askMissingInfo: NextStepRule = (ctx) => {
  if (!isOpenCase(ctx.case) || ctx.inbound.length === 0) return [];
  const customerText = ctx.inbound.map((i) => i.text).join('\n');
  if (!mentions(ORDER_TOPIC, `${ctx.case.subject}\n${customerText}`) || ORDER_NUMBER.test(customerText)) return [];
  const lastInbound = ctx.inbound[ctx.inbound.length - 1] as Interaction;
  const askedSince = ctx.interactions.some(
    (i) => i.direction === 'outbound' && i.createdAt >= lastInbound.createdAt && mentions(ORDER_NUMBER_REQUEST, i.text),
  );
  if (askedSince) return [];
  return [
    step('ask-missing-info', 0.7, 'reason.ask-missing-info', { info: 'order-number' }, {
      type: 'insert-text',
      textKey: 'text.ask-order-number',
      lang: ctx.state.language,
    }),
  ];
};

/** What went wrong with a call, in the order a callback reason names it. */
type CallTrouble = 'unanswered' | 'dropped' | 'waited';
const CALL_CHANNELS: readonly Interaction['kind'][] = ['phone', 'video'];
const OUTCOME_TROUBLE: Partial<Record<NonNullable<Interaction['meta']['outcome']>, CallTrouble>> = {
  missed: 'unanswered',
  voicemail: 'unanswered',
  dropped: 'dropped',
};

/**
 * The trouble an interaction reports: the call's recorded outcome when there is one, else what the customer or
 * the notes say. A written message counts only when it speaks of a call ("cut off" alone may be the electricity).
 */
function callTrouble(i: Interaction): CallTrouble | null {
  // An answered call (resolved, transferred, follow-up) is not trouble, whatever was said about the wait.
  if (i.meta.outcome !== undefined) return OUTCOME_TROUBLE[i.meta.outcome] ?? null;
  const said = [i.direction === 'inbound' ? i.text : '', i.meta.notes ?? '', i.meta.summary ?? ''].join('\n');
  if (!CALL_CHANNELS.includes(i.kind) && !mentions(CALL, said)) return null;
  if (mentions(CALL_UNANSWERED, said)) return 'unanswered';
  if (mentions(CALL_DROPPED, said)) return 'dropped';
  return mentions(CALL_HOLD, said) ? 'waited' : null;
}

/**
 * A caller was not answered, reached voicemail, was cut off or kept waiting on the line: call them back, unless
 * someone already has (a later outbound call or video session). Not suggested for any other reason.
 */
const offerCallback: NextStepRule = (ctx) => {
  if (!isOpenCase(ctx.case)) return [];
  const troubled = ctx.interactions.findLast((i) => i.direction !== 'outbound' && callTrouble(i) !== null);
  if (troubled === undefined) return [];
  const calledBack = ctx.interactions.some((i) => i.direction === 'outbound' && CALL_CHANNELS.includes(i.kind) && i.createdAt > troubled.createdAt);
  if (calledBack) return [];
  const trouble = callTrouble(troubled) as CallTrouble;
  return [step('offer-callback', 0.8, `reason.callback-${trouble}`, {}, { type: 'schedule-callback', caseId: ctx.case.id })];
};

/** An angry customer contacting again and again (or on the phone with it): hand the case up. */
const escalate: NextStepRule = (ctx) => {
  const { case: c, state } = ctx;
  const contacts = Math.max(c.inboundCount, ctx.inbound.length);
  const angry = state.emotion === 'angry' || (state.sentiment === 'negative' && state.urgency === 'high');
  if (!isOpenCase(c) || !angry || contacts < REPEAT_CONTACTS) return [];
  const severe = contacts >= ESCALATE_CONTACTS || c.priority === 'urgent';
  const onPhone = ctx.inbound[ctx.inbound.length - 1]?.kind === 'phone';
  if (!severe && !onPhone) return [];
  return [step('escalate', 0.85, 'reason.escalate', { count: contacts }, { type: 'escalate', caseId: c.id })];
};

/** Waiting on the customer for days: send a reminder, or offer to close after a week. */
const remindOrClose: NextStepRule = ({ case: c, now, state }) => {
  if (c.status !== 'pending' || c.lastOutboundAt === null) return [];
  if (c.lastInboundAt !== null && c.lastInboundAt > c.lastOutboundAt) return [];
  const days = Math.floor((now - c.lastOutboundAt) / DAY);
  if (days < REMIND_AFTER_DAYS) return [];
  if (days >= CLOSE_AFTER_DAYS) {
    return [step('remind-or-close', 0.6, 'reason.close', { count: days }, { type: 'set-status', status: 'resolved' })];
  }
  return [
    step('remind-or-close', 0.6, 'reason.remind', { count: days }, { type: 'insert-text', textKey: 'text.reminder', lang: state.language }),
  ];
};

/** A low survey score: follow the red alert up. */
const followUpAlert: NextStepRule = ({ case: c }) => {
  if (c.csatScore === null || c.csatScore > LOW_CSAT) return [];
  return [step('follow-up-alert', 0.9, 'reason.follow-up-alert', { score: c.csatScore }, { type: 'open-alert', caseId: c.id })];
};

/** The newest interactions read for what just happened (a delivery, a setup). */
const RECENT_EVENTS = 3;

/**
 * The product was just delivered or set up and it went well: send the guide people ask for next (or offer help
 * with the setup when there is none). Read in the customer's newest messages and the staff's notes; not when
 * the delivery or setup failed (denied, or a problem named), nor to an angry customer (the problem comes first).
 */
const anticipateNextNeed: NextStepRule = (ctx) => {
  if (!isOpenCase(ctx.case) || ctx.state.emotion === 'angry') return [];
  const recent = ctx.interactions.slice(-RECENT_EVENTS).flatMap((i) => [i.direction === 'inbound' ? i.text : '', i.meta.notes ?? '', i.meta.summary ?? '']);
  const happened = [ctx.question, ...recent].join('\n');
  // "Has it arrived?" asks; only what is stated happened.
  if (!affirmsOnly(DELIVERED_OR_SET_UP, statementsOf(happened).join('\n')) || mentions(DELIVERY_PROBLEM, happened)) return [];
  const lang = ctx.state.language;
  const guides = ctx.articles.filter((a) => a.language === lang && mentions(GUIDE, `${a.title} ${a.tags.join(' ')}`));
  const guide = searchArticles(happened, guides, lang)[0]?.article ?? guides[0];
  if (guide === undefined) {
    return [
      step('anticipate-next-need', 0.45, 'reason.anticipate-help', {}, { type: 'insert-text', textKey: 'text.offer-setup-help', lang }),
    ];
  }
  // When the guide is also the answer to the question, the share-article step already offers it.
  const answer = searchArticles(ctx.question, ctx.articles, lang)[0]?.article;
  if (guide === answer || alreadyShared(ctx, guide)) return [];
  return [
    step('anticipate-next-need', 0.5, 'reason.anticipate-guide', { title: guide.title }, {
      type: 'share-article',
      articleId: guide.id,
      title: guide.title,
    }),
  ];
};

/** Every rule, in no particular order: ranking is by score. */
export const NEXT_STEP_RULES: readonly NextStepRule[] = [
  replyNow,
  shareArticle,
  recapPreviousChannel,
  askMissingInfo,
  offerCallback,
  escalate,
  remindOrClose,
  followUpAlert,
  anticipateNextNeed,
];
