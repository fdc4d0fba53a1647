/**
 * The situations that call for a next step. Each rule reads the case and proposes zero or more steps with a
 * base score in [0, 1]; `suggestNextSteps` weighs them by agent feedback and ranks them.
 */
import type { Case, Channel, Interaction, KbArticle } from '../domain';
// The module itself, not the domain's index, which would pull zod into the assist bundle (see isOpenCase).
import { replyDueAt } from '../domain/sla';
import { findMatches, type Lexicon } from './lexicon';
import { GUIDE, ORDER_NUMBER_REQUEST, ORDER_TOPIC, PROMISE, PURCHASE_OR_SETUP } from './lexicons';
import { searchArticles } from './searchArticles';
import { tokenize } from './tokenize';
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

const mentions = (lex: Lexicon, text: string): boolean => findMatches(lex, tokenize(text)).length > 0;

function step(kind: NextStep['kind'], score: number, reasonKey: string, params: NextStep['params'], action: NextStep['action']): NextStep {
  return { kind, score, reasonKey, params, action };
}

/** The first response (or the next one) is due within minutes, or overdue. */
const replyNow: NextStepRule = ({ case: c, now }) => {
  const due = replyDueAt(c);
  if (due === null) return [];
  const minutes = Math.round((due - now) / MINUTE);
  if (minutes > REPLY_WINDOW_MINUTES) return [];
  const overdue = minutes < 0;
  return [
    step('reply-now', overdue ? 1 : 0.9, overdue ? 'reason.reply-now-overdue' : 'reason.reply-now', { count: Math.abs(minutes) }, {
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

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (s.length > RECAP_SENTENCE_LENGTH ? `${s.slice(0, RECAP_SENTENCE_LENGTH - 1)}…` : s));
}

function staffTexts(i: Interaction): string[] {
  const texts = [i.meta.summary, i.meta.notes, i.direction === 'outbound' ? i.text : undefined];
  return texts.filter((t): t is string => t !== undefined && t !== '');
}

/** The case moved channel (video chat, then the store): recap what was said and promised before. */
const recapPreviousChannel: NextStepRule = (ctx) => {
  const facing = ctx.interactions.filter((i) => i.kind !== 'note' && i.direction !== 'internal');
  const current = facing[facing.length - 1];
  if (current === undefined) return [];
  const previous = facing.filter((i) => i.kind !== current.kind);
  const last = previous[previous.length - 1];
  if (last === undefined) return [];
  const channel = last.kind as Channel;
  const earlier = previous.filter((i) => i.kind === channel);
  const notes = ctx.interactions.filter((i) => i.kind === 'note' && i.createdAt <= last.createdAt);
  const staffSentences = [...earlier, ...notes].flatMap(staffTexts).flatMap(sentences);
  const promised = staffSentences.filter((s) => mentions(PROMISE, s)).slice(-RECAP_SENTENCES);
  const said = [
    ...earlier.flatMap((i) => [i.meta.summary ?? '', i.direction === 'inbound' ? i.text : '']).flatMap(sentences),
  ].slice(-RECAP_SENTENCES);
  // Just arrived on the new channel: the recap matters most before the first reply there.
  const sinceSwitch = facing.filter((i) => i.kind === current.kind && i.createdAt > last.createdAt).length;
  return [
    step('recap-previous-channel', sinceSwitch <= 2 ? 0.75 : 0.4, 'reason.recap-previous-channel', { channel }, {
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

/** An angry customer contacting again: call them back, or hand the case up when it has gone too far. */
const offerCallbackOrEscalate: NextStepRule = (ctx) => {
  const { case: c, state } = ctx;
  const contacts = Math.max(c.inboundCount, ctx.inbound.length);
  const angry = state.emotion === 'angry' || (state.sentiment === 'negative' && state.urgency === 'high');
  if (!isOpenCase(c) || !angry || contacts < REPEAT_CONTACTS) return [];
  const params = { count: contacts };
  const severe = contacts >= ESCALATE_CONTACTS || c.priority === 'urgent';
  const onPhone = ctx.inbound[ctx.inbound.length - 1]?.kind === 'phone';
  const steps: NextStep[] = [];
  if (severe || onPhone) steps.push(step('escalate', 0.85, 'reason.escalate', params, { type: 'escalate', caseId: c.id }));
  if (!onPhone) {
    steps.push(step('offer-callback', severe ? 0.7 : 0.8, 'reason.offer-callback', params, { type: 'schedule-callback', caseId: c.id }));
  }
  return steps;
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

/** After a purchase or a setup question, the next need is usually the setup guide. */
const anticipateNextNeed: NextStepRule = (ctx) => {
  if (!isOpenCase(ctx.case) || ctx.state.emotion === 'angry' || !mentions(PURCHASE_OR_SETUP, ctx.question)) return [];
  const lang = ctx.state.language;
  const guides = ctx.articles.filter((a) => a.language === lang && mentions(GUIDE, `${a.title} ${a.tags.join(' ')}`));
  const guide = searchArticles(ctx.question, guides, lang)[0]?.article ?? guides[0];
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
  offerCallbackOrEscalate,
  remindOrClose,
  followUpAlert,
  anticipateNextNeed,
];
