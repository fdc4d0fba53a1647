import { describe, expect, it } from 'vitest';
import { CaseSchema, InteractionSchema, KbArticleSchema, type Case, type Interaction, type KbArticle } from '../domain';
import { classifyCustomer } from './classifyCustomer';
import { createFeedbackModel, recordFeedback } from './feedbackModel';
import { suggestNextSteps, type NextStepInput } from './suggestNextSteps';
import type { NextStepKind } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * 60 * MINUTE;
const NOW = Date.UTC(2026, 2, 10, 12, 0);

function makeCase(overrides: Partial<Case> = {}): Case {
  return CaseSchema.parse({
    id: 'case-1',
    customerId: 'cust-1',
    subject: 'Question',
    status: 'open',
    priority: 'normal',
    queueId: 'q-1',
    assigneeId: 'agent-1',
    storeId: null,
    originChannel: 'chat',
    channels: ['chat'],
    lastChannel: 'chat',
    firstResponseDueAt: null,
    nextResponseDueAt: null,
    firstRespondedAt: NOW - DAY,
    slaBreachedAt: null,
    lastInboundAt: NOW - 10 * MINUTE,
    lastOutboundAt: NOW - DAY,
    lastMessageId: null,
    inboundCount: 1,
    csatScore: null,
    assigneeHistory: [],
    createdAt: NOW - 2 * DAY,
    updatedAt: NOW - 10 * MINUTE,
    resolvedAt: null,
    version: 1,
    ...overrides,
  });
}

let nextId = 0;
function message(text: string, overrides: Partial<Interaction> = {}): Interaction {
  nextId++;
  return InteractionSchema.parse({
    id: `i-${nextId}`,
    caseId: 'case-1',
    customerId: 'cust-1',
    kind: 'chat',
    direction: 'inbound',
    text,
    subject: null,
    authorId: null,
    externalId: null,
    meta: {},
    createdAt: NOW - 10 * MINUTE,
    ...overrides,
  });
}

function article(id: string, language: KbArticle['language'], title: string, body: string, tags: string[] = []): KbArticle {
  return KbArticleSchema.parse({ id, queueId: null, language, title, body, tags, updatedAt: NOW - 30 * DAY });
}

const ARTICLES = [
  article('kb-refund-en', 'en', 'How refunds work', 'Refunds are paid to the original card within 5 working days of approval.', ['refund', 'payment']),
  article('kb-router-guide-en', 'en', 'Router setup guide', 'Connect the router to the fibre socket, then open the app and follow the steps.', ['router', 'setup']),
  article('kb-password-en', 'en', 'Change your password', 'Open My account, then Security, and choose a new password.', ['account']),
  article('kb-zwrot-pl', 'pl', 'Jak działa zwrot pieniędzy', 'Zwrot pieniędzy trafia na kartę w ciągu 5 dni roboczych od akceptacji.', ['zwrot']),
  article('kb-router-el', 'el', 'Οδηγός εγκατάστασης router', 'Συνδέστε το router στην πρίζα οπτικής ίνας και ακολουθήστε τα βήματα στην εφαρμογή.', ['router']),
];

function steps(caseOverrides: Partial<Case>, interactions: Interaction[], extra: Partial<NextStepInput> = {}) {
  const inbound = interactions.filter((i) => i.direction === 'inbound').map((i) => i.text);
  return suggestNextSteps({
    case: makeCase(caseOverrides),
    interactions,
    articles: ARTICLES,
    state: classifyCustomer(inbound),
    now: NOW,
    ...extra,
  });
}
const kinds = (list: ReturnType<typeof steps>): NextStepKind[] => list.map((s) => s.kind);

describe('suggestNextSteps', () => {
  it('reply-now: the first response is nearly due, or overdue', () => {
    const due = steps({ firstRespondedAt: null, firstResponseDueAt: NOW + 5 * MINUTE }, [message('Hello, a quick question about my plan')]);
    expect(due[0]).toMatchObject({ kind: 'reply-now', reasonKey: 'reason.reply-now', params: { time: 5 * MINUTE }, action: { type: 'focus-composer' } });
    const late = steps({ firstRespondedAt: null, firstResponseDueAt: NOW - 3 * MINUTE }, [message('Hello?')]);
    expect(late[0]).toMatchObject({ kind: 'reply-now', reasonKey: 'reason.reply-now-overdue', params: { time: 3 * MINUTE } });
    // Hours late: the reason carries the length of time, and the UI writes it in hours and minutes.
    const longLate = steps({ firstRespondedAt: null, firstResponseDueAt: NOW - 491 * MINUTE }, [message('Hello?')]);
    expect(longLate[0]?.params).toEqual({ time: 491 * MINUTE });
    expect(kinds(steps({ firstRespondedAt: null, firstResponseDueAt: NOW + 2 * 60 * MINUTE }, [message('Hello')]))).not.toContain('reply-now');
  });

  it("share-article: an article in the customer's language answers the question", () => {
    const en = steps({}, [message('When will my refund be paid back to my card? Order 123456')]);
    expect(en.find((s) => s.kind === 'share-article')?.action).toEqual({ type: 'share-article', articleId: 'kb-refund-en', title: 'How refunds work' });
    const pl = steps({}, [message('Kiedy dostanę zwrot pieniędzy na kartę? Zamówienie 123456')]);
    expect(pl.find((s) => s.kind === 'share-article')?.action).toMatchObject({ articleId: 'kb-zwrot-pl' });
    expect(kinds(steps({}, [message('Is the blue jacket in stock in size M?')]))).not.toContain('share-article');
  });

  it('recap-previous-channel: the case began on video chat and continues in the store', () => {
    const video = message('My washing machine leaks at the bottom.', { kind: 'video', createdAt: NOW - 2 * DAY });
    const advisor = message('', {
      kind: 'video',
      direction: 'outbound',
      authorId: 'agent-2',
      createdAt: NOW - 2 * DAY + MINUTE,
      meta: { summary: 'Leak from the door seal. We will replace the seal free of charge at the store.', sessionLengthSec: 600 },
    });
    const store = message('I am here about my washing machine.', { kind: 'store', createdAt: NOW - MINUTE });
    const [recap] = steps({ originChannel: 'video', channels: ['video', 'store'] }, [video, advisor, store]).filter(
      (s) => s.kind === 'recap-previous-channel',
    );
    expect(recap).toMatchObject({ reasonKey: 'reason.recap-previous-channel', params: { channel: 'video' } });
    expect(recap?.action).toMatchObject({
      type: 'open-recap',
      channel: 'video',
      interactionIds: [video.id, advisor.id],
      promised: ['We will replace the seal free of charge at the store.'],
    });
    expect(kinds(steps({}, [message('Hi'), message('Hello again')]))).not.toContain('recap-previous-channel');
  });

  it("recap-previous-channel: an advisor's agreement is a promise, listed once, not something merely said", () => {
    const video = message('The screen of my new phone flickers. I will bring it in.', { kind: 'video', createdAt: NOW - 2 * DAY });
    const advisor = message('', {
      kind: 'video',
      direction: 'outbound',
      authorId: 'agent-2',
      createdAt: NOW - 2 * DAY + MINUTE,
      meta: { summary: 'Screen flickers on video. Exchange agreed at the Warsaw store; replacement reserved.' },
    });
    const email = message('When can I come in?', { kind: 'email', createdAt: NOW - HOUR });
    const recap = steps({ channels: ['video', 'email'] }, [video, advisor, email]).find((s) => s.kind === 'recap-previous-channel')?.action;
    expect(recap).toMatchObject({
      // What the customer said stays as said, even when it sounds like a commitment.
      said: ['The screen of my new phone flickers.', 'I will bring it in.', 'Screen flickers on video.'],
      promised: ['Exchange agreed at the Warsaw store;', 'replacement reserved.'],
    });
  });

  it('recap-previous-channel leads, and reply-now gives way, with the customer at the store counter', () => {
    const video = message('Mój odkurzacz nie ładuje się.', { kind: 'video', createdAt: NOW - 2 * DAY });
    const advisor = message('', {
      kind: 'video',
      direction: 'outbound',
      authorId: 'agent-2',
      createdAt: NOW - 2 * DAY + MINUTE,
      meta: { summary: 'Wymiana uzgodniona w sklepie; nowy egzemplarz zarezerwowany.' },
    });
    const asked = message('Kiedy mogę przyjść do sklepu?', { kind: 'email', createdAt: NOW - 9 * HOUR });
    const overdue = { firstRespondedAt: null, firstResponseDueAt: NOW - 491 * MINUTE };
    // Store staff serving the customer say so; the visit is not written down yet.
    const counter = steps(overdue, [video, advisor, asked], { atCounter: true });
    expect(counter[0]).toMatchObject({ kind: 'recap-previous-channel', params: { channel: 'email' } });
    expect(kinds(counter)).not.toContain('reply-now');
    // A store visit recorded minutes ago says the same, even when feedback has made recaps unpopular.
    let feedback = createFeedbackModel();
    for (let k = 0; k < 10; k++) feedback = recordFeedback(feedback, 'recap-previous-channel', 'dismissed');
    const visit = message('Klient przy ladzie w sprawie odkurzacza.', { kind: 'store', direction: 'outbound', authorId: 'clerk-1', createdAt: NOW - 5 * MINUTE });
    const recorded = steps(overdue, [video, advisor, visit], { feedback });
    expect(recorded[0]).toMatchObject({ kind: 'recap-previous-channel', params: { channel: 'video' } });
    // Away from the counter (a visit days ago, a message since), the reply deadline comes first again.
    const later = message('Το ηλεκτρικό σκουπάκι ακόμα δεν φορτίζει;', { createdAt: NOW - 20 * MINUTE });
    const away = steps(overdue, [video, advisor, { ...visit, createdAt: NOW - DAY }, later]);
    expect(away[0]?.kind).toBe('reply-now');
  });

  it('ask-missing-info: an order question without an order number, until it is given or asked for', () => {
    const ask = steps({}, [message('Where is my order? It should have arrived yesterday.')]).find((s) => s.kind === 'ask-missing-info');
    expect(ask?.action).toEqual({ type: 'insert-text', textKey: 'text.ask-order-number', lang: 'en' });
    expect(steps({}, [message('Gdzie jest moja paczka?')]).find((s) => s.kind === 'ask-missing-info')?.action).toMatchObject({ lang: 'pl' });
    expect(kinds(steps({}, [message('Where is my order #4451287?')]))).not.toContain('ask-missing-info');
    const asked = message('Could you send me your order number?', { direction: 'outbound', authorId: 'agent-1', createdAt: NOW - MINUTE });
    expect(kinds(steps({}, [message('Where is my order?'), asked]))).not.toContain('ask-missing-info');
  });

  it('escalate: an angry customer contacting again and again, or angry on the phone; not a callback', () => {
    const angry = [
      message('My internet is down again.', { createdAt: NOW - DAY }),
      message('Still down. This is ridiculous, I am furious!'),
    ];
    expect(kinds(steps({ inboundCount: 2 }, angry))).not.toContain('escalate');
    // Anger alone is no reason to call: a callback is for calls that went wrong (below).
    expect(kinds(steps({ inboundCount: 2 }, angry))).not.toContain('offer-callback');
    const worse = [...angry, message('Third time! I want this fixed NOW or I cancel my contract. Unacceptable!')];
    const list = steps({ inboundCount: 3 }, worse);
    expect(list.find((s) => s.kind === 'escalate')).toMatchObject({ params: { count: 3 }, action: { type: 'escalate', caseId: 'case-1' } });
    const phone = [message('Still broken.', { createdAt: NOW - DAY }), message('Absolutnie skandaliczne, mam dość!', { kind: 'phone' })];
    expect(kinds(steps({ inboundCount: 2 }, phone))).toContain('escalate');
    expect(kinds(steps({ inboundCount: 2 }, [message('Hi'), message('Thanks, all good now!')]))).not.toContain('escalate');
  });

  it('offer-callback: a call not answered, sent to voicemail, cut off or kept on hold (recorded or said), in en, pl and el', () => {
    const callback = (interactions: Interaction[], overrides: Partial<Case> = {}) => steps(overrides, interactions).find((s) => s.kind === 'offer-callback');
    // Recorded call outcomes.
    expect(callback([message('', { kind: 'phone', meta: { outcome: 'voicemail', durationSec: 40 } })])).toMatchObject({
      reasonKey: 'reason.callback-unanswered',
      action: { type: 'schedule-callback', caseId: 'case-1' },
    });
    expect(callback([message('', { kind: 'phone', meta: { outcome: 'missed' } })])?.reasonKey).toBe('reason.callback-unanswered');
    expect(callback([message('', { kind: 'video', meta: { outcome: 'dropped', sessionLengthSec: 90 } })])?.reasonKey).toBe('reason.callback-dropped');
    // What the customer writes afterwards, on any channel, when it is about a call.
    expect(callback([message('I called your hotline and was on hold for 40 minutes before I gave up.', { kind: 'email' })])?.reasonKey).toBe(
      'reason.callback-waited',
    );
    expect(callback([message('Dzwoniłem dwa razy i za każdym razem mnie rozłączyło.')])?.reasonKey).toBe('reason.callback-dropped');
    expect(callback([message('Πήρα τηλέφωνο και έπεσα στον τηλεφωνητή.')])?.reasonKey).toBe('reason.callback-unanswered');
    expect(callback([message('', { kind: 'phone', meta: { notes: 'Line went dead while checking the warranty.' } })])?.reasonKey).toBe(
      'reason.callback-dropped',
    );
    // Not otherwise: an answered call, a wait that is not on the phone, an electricity cut, a callback already made.
    expect(callback([message('', { kind: 'phone', meta: { outcome: 'resolved', notes: 'Customer had been on hold a while; fixed.' } })])).toBeUndefined();
    expect(callback([message('I waited three weeks for my parcel and I am tired of waiting.')])).toBeUndefined();
    expect(callback([message('Our electricity was cut off, so the fridge stopped.')])).toBeUndefined();
    expect(callback([message('Czekam na paczkę w kolejce do odbioru od tygodnia.')])).toBeUndefined();
    const missed = message('', { kind: 'phone', meta: { outcome: 'voicemail' }, createdAt: NOW - 30 * MINUTE });
    const calledBack = message('', { kind: 'phone', direction: 'outbound', authorId: 'agent-1', meta: { outcome: 'resolved' }, createdAt: NOW - 5 * MINUTE });
    expect(callback([missed, calledBack])).toBeUndefined();
    expect(callback([missed], { status: 'resolved', resolvedAt: NOW - MINUTE })).toBeUndefined();
  });

  it('remind-or-close: waiting on the customer for days', () => {
    const waiting = { status: 'pending' as const, lastInboundAt: NOW - 4 * DAY, lastOutboundAt: NOW - 3 * DAY };
    const remind = steps(waiting, [message('Thanks, I will check and come back', { createdAt: NOW - 4 * DAY })]);
    expect(remind.find((s) => s.kind === 'remind-or-close')).toMatchObject({
      reasonKey: 'reason.remind',
      params: { count: 3 },
      action: { type: 'insert-text', textKey: 'text.reminder' },
    });
    const close = steps({ ...waiting, lastOutboundAt: NOW - 9 * DAY, lastInboundAt: NOW - 10 * DAY }, []);
    expect(close.find((s) => s.kind === 'remind-or-close')).toMatchObject({ reasonKey: 'reason.close', action: { type: 'set-status', status: 'resolved' } });
    expect(kinds(steps({ ...waiting, lastOutboundAt: NOW - DAY }, []))).not.toContain('remind-or-close');
  });

  it('follow-up-alert: a low survey score, even on a resolved case', () => {
    const list = steps({ status: 'resolved', resolvedAt: NOW - DAY, csatScore: 3 }, [message('ok')]);
    expect(list).toEqual([
      expect.objectContaining({ kind: 'follow-up-alert', params: { score: 3 }, action: { type: 'open-alert', caseId: 'case-1' } }),
    ]);
    expect(kinds(steps({ status: 'resolved', resolvedAt: NOW - DAY, csatScore: 8 }, [message('ok')]))).toEqual([]);
  });

  it('anticipate-next-need: just delivered or set up, send the guide people ask for next, in the customer language', () => {
    const guide = (text: string, overrides: Partial<Interaction> = {}) =>
      steps({}, [message(text, overrides)]).find((s) => s.kind === 'anticipate-next-need')?.action;
    expect(guide('The router was delivered this morning. How do I change my account password?')).toMatchObject({
      type: 'share-article',
      articleId: 'kb-router-guide-en',
    });
    expect(guide('Thanks, the router is up and running now.')).toMatchObject({ articleId: 'kb-router-guide-en' });
    expect(guide('', { kind: 'phone', meta: { outcome: 'resolved', notes: 'Just set up the router with the customer; all lights green.' } })).toMatchObject({
      articleId: 'kb-router-guide-en',
    });
    expect(guide('Παρέλαβα το router σήμερα, ευχαριστώ!')).toMatchObject({ articleId: 'kb-router-el' });
    // No Polish guide: offer help with what comes next instead.
    expect(guide('Router już dotarł i zainstalowałem go, dziękuję.')).toEqual({ type: 'insert-text', textKey: 'text.offer-setup-help', lang: 'pl' });
    // When the guide is itself the answer, it is offered once, as the answer.
    const setup = steps({}, [message('The router arrived: is there a setup guide for the router?')]);
    expect(kinds(setup.filter((s) => s.action.type === 'share-article'))).toEqual(['share-article']);
    // Not for failed deliveries or setups, nor for a product that is merely new or bought.
    expect(guide('The router was not delivered, the tracking says delivered but nothing came.')).toBeUndefined();
    expect(guide('The router arrived damaged.')).toBeUndefined();
    expect(guide('Paczka z routerem nie dotarła.')).toBeUndefined();
    expect(guide('Το router δεν έφτασε ακόμα.')).toBeUndefined();
    // A partial delivery is a problem too, however it is put.
    expect(guide('I ordered two routers and only one arrived.')).toBeUndefined();
    expect(guide('Dzień dobry, zamówiłam dwa routery, a przyszedł jeden. Co teraz?')).toBeUndefined();
    expect(guide('Paczka dotarła, ale brakuje zasilacza do routera.')).toBeUndefined();
    expect(guide('Παρέλαβα το δέμα αλλά λείπει το τροφοδοτικό του router.')).toBeUndefined();
    expect(guide('My new phone has a dead pixel.')).toBeUndefined();
    expect(guide('I bought a new router yesterday, when will it ship?')).toBeUndefined();
    expect(guide('Has the router been delivered yet?')).toBeUndefined();
    expect(guide('Έφτασε το router;')).toBeUndefined();
  });

  it('ranks by score, and agent feedback moves a kind up or down over time', () => {
    const interactions = [message('The new router was delivered today. When will my refund for the old one be paid back to my card?')];
    const plain = kinds(steps({}, interactions));
    expect(plain.indexOf('share-article')).toBeLessThan(plain.indexOf('anticipate-next-need'));
    let feedback = createFeedbackModel();
    for (let k = 0; k < 10; k++) {
      feedback = recordFeedback(feedback, 'share-article', 'dismissed');
      feedback = recordFeedback(feedback, 'anticipate-next-need', 'accepted');
    }
    const tuned = kinds(steps({}, interactions, { feedback }));
    expect(tuned.indexOf('anticipate-next-need')).toBeLessThan(tuned.indexOf('share-article'));
    const scores = steps({}, interactions, { feedback }).map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('keeps the list short', () => {
    const busy = steps(
      { firstRespondedAt: null, firstResponseDueAt: NOW, inboundCount: 3, csatScore: 2 },
      [
        message('My refund never came!', { kind: 'email', createdAt: NOW - DAY }),
        message('I bought a new router and my refund to the card is still missing. Furious!'),
        message('Third time, unacceptable, I will cancel NOW!'),
      ],
    );
    expect(busy.length).toBeLessThanOrEqual(5);
    expect(busy[0]?.kind).toBe('reply-now');
  });
});
