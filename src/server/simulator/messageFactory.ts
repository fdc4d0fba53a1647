import type { Channel, Lang } from '../../shared/domain';
import type { InboundMessage } from '../../shared/protocol/http';
import { storeForLanguage } from '../seed/customers';
import { emailFor, handleFor, loyaltyNumberFor, phoneFor } from '../seed/identities';
import {
  conversationDetails,
  customerMessage,
  storeJourneyText,
  surveyComment,
  topicText,
  type ConversationDetails,
} from '../seed/messageText';
import { randomPersonName } from '../seed/names';
import { STORE_LOCATIONS, storeStaff } from '../seed/organisation';
import { createRandom } from '../seed/random';
import { STORE_TOPICS, TOPICS, type Mood, type StoreTopic } from '../seed/text/languagePack';
import type { SimIdentity, SimulatorSource } from './simulatorSource';

/** Options of `createMessageFactory`. */
export interface MessageFactoryOptions {
  seed: number;
  source: SimulatorSource;
  /** Makes external ids and call ids unique across runs with the same seed (the hub drops repeated ids). */
  runId: string;
  /** Clock for the dates messages mention; the default is the real one. */
  now?: () => number;
}

/** Produces the simulated traffic, one inbound message at a time; the same seed and source give the same sequence. */
export interface MessageFactory {
  next(): InboundMessage;
}

const CHANNEL_WEIGHTS: Readonly<Record<Channel, number>> = {
  chat: 22, email: 18, phone: 15, sms: 10, social: 13, video: 12, store: 10,
};
const ORIGIN_WEIGHTS: Readonly<Record<Lang, number>> = { pl: 40, el: 35, en: 25 };
const MOOD_WEIGHTS: Readonly<Record<Mood, number>> = { angry: 25, anxious: 25, neutral: 35, happy: 15 };
const NETWORKS = ['facebook', 'instagram', 'x'] as const;

/** Share of messages answering a survey, and of those the share that raises a red alert (score 1-4). */
const SURVEY_SHARE = 1 / 8;
const LOW_SCORE_SHARE = 1 / 3;
const RETURNING_SHARE = 0.6;
const FOLLOW_UP_SHARE = 0.25;
/** How many known customers to ask the source for, and how often to ask again (in messages). */
const KNOWN_POOL = 50;
const KNOWN_REFRESH = 100;
const RECENT_CONVERSATIONS = 40;
/** New people get serials far above any seeded customer's, so their identities never collide with one. */
const NEW_PERSON_SERIALS = { min: 10_000_000, max: 99_999_999 };

/** Which identity each channel's connector reports. */
const IDENTITY_FIELD: Readonly<Record<Channel, readonly (keyof SimIdentity)[]>> = {
  chat: ['email'],
  email: ['email'],
  phone: ['phone'],
  sms: ['phone'],
  social: ['handle'],
  video: ['email', 'phone'],
  store: ['phone', 'loyaltyNumber', 'email'],
};

const ANY_IDENTITY = ['email', 'phone', 'handle', 'loyaltyNumber'] as const;

/** Where a customer writes again after a call, a video chat or a visit: in writing, where they can be reached. */
const writtenChannel = (channel: Channel, who: SimIdentity): Channel =>
  channel === 'phone' || channel === 'video' || channel === 'store' ? (who.phone ? 'sms' : 'email') : channel;

interface Conversation {
  from: SimIdentity;
  channel: Channel;
  details: ConversationDetails;
  network: string;
  /** A video chat promised a store visit, which a follow-up then makes. */
  storeId: string | null;
}

interface Call {
  id: string;
  conversation: Conversation;
  state: 'ringing' | 'answered';
  /** Message number at which the call moves to its next state. */
  dueAt: number;
}

/** Creates the generator of simulated inbound messages. */
export function createMessageFactory(opts: MessageFactoryOptions): MessageFactory {
  const rng = createRandom(opts.seed, 7);
  const now = opts.now ?? Date.now;
  let count = 0;
  let known: SimIdentity[] = [];
  const recent: Conversation[] = [];
  const calls: Call[] = [];
  const surveyed = new Set<string>();
  const externalId = (): string => `sim-${opts.runId}-${count}`;

  function identity(channel: Channel): SimIdentity {
    if (count % KNOWN_REFRESH === 1 || known.length === 0) known = opts.source.knownCustomers(KNOWN_POOL);
    if (rng.chance(RETURNING_SHARE)) {
      const usable = known.filter((k) => IDENTITY_FIELD[channel].some((f) => k[f]));
      if (usable.length > 0) return rng.pick(usable);
    }
    return newPerson();
  }

  function newPerson(): SimIdentity {
    const origin = rng.weighted(ORIGIN_WEIGHTS);
    const name = randomPersonName(rng, origin);
    const serial = rng.int(NEW_PERSON_SERIALS.min, NEW_PERSON_SERIALS.max);
    return {
      name: name.full,
      language: origin,
      email: emailFor(name, serial),
      phone: phoneFor(origin, serial, rng),
      handle: handleFor(name, serial),
      loyaltyNumber: rng.chance(0.3) ? loyaltyNumberFor(serial) : undefined,
    };
  }

  /**
   * The `from` a connector of this channel reports: the identity it knows (else any the person has, as when a
   * chat visitor types a phone number), and the name where it has one.
   */
  function fromFor(channel: Channel, who: SimIdentity): InboundMessage['from'] {
    const field = [...IDENTITY_FIELD[channel], ...ANY_IDENTITY].find((f) => who[f]) ?? 'email';
    const from: InboundMessage['from'] = { [field]: who[field] };
    if (channel !== 'phone' && channel !== 'sms') from.name = who.name;
    return from;
  }

  function base(channel: Channel, c: Conversation, text: string): InboundMessage {
    const message: InboundMessage = { channel, from: fromFor(channel, c.from), text, externalId: externalId() };
    if (channel === 'email') message.subject = topicText(c.details, 'subject');
    if (channel === 'social') message.network = c.network;
    return message;
  }

  function startConversation(): InboundMessage {
    const channel = rng.weighted(CHANNEL_WEIGHTS);
    const from = identity(channel);
    const storeTopic = channel === 'video' && rng.chance(0.5);
    const topic = storeTopic ? rng.pick(STORE_TOPICS) : rng.pick(TOPICS);
    const storeId = storeTopic || channel === 'store' ? storeForLanguage(rng, from.language) : null;
    const details = conversationDetails(rng, {
      lang: from.language,
      topic,
      mood: rng.weighted(MOOD_WEIGHTS),
      at: now(),
      customerFirstName: from.name.split(' ')[0],
      agentFirstName: '',
      storeName: STORE_LOCATIONS.find((s) => s.id === storeId)?.name ?? '',
    });
    const conversation: Conversation = { from, channel, details, network: rng.pick(NETWORKS), storeId: storeTopic ? storeId : null };
    remember(conversation);
    if (channel === 'phone') {
      const call: Call = { id: `call-${opts.runId}-${count}`, conversation, state: 'ringing', dueAt: count + rng.int(1, 3) };
      calls.push(call);
      return { ...base('phone', conversation, ''), call: { id: call.id, state: 'ringing' } };
    }
    const message = base(channel, conversation, customerMessage(rng, details, 'opening'));
    if (channel === 'video') {
      message.video = {
        sessionLengthSec: rng.int(180, 1_500),
        summary: topicText(details, 'videoSummary'),
        notes: storeTopic
          ? storeJourneyText(details as ConversationDetails & { topic: StoreTopic }, 'promise')
          : topicText(details, 'videoNotes'),
      };
    }
    if (channel === 'store' && storeId) message.store = storeVisit(storeId);
    return message;
  }

  function storeVisit(storeId: string): NonNullable<InboundMessage['store']> {
    const staff = storeStaff(storeId);
    return staff.length > 0 && rng.chance(0.8) ? { storeId, staffId: rng.pick(staff).id } : { storeId };
  }

  function remember(c: Conversation): void {
    recent.push(c);
    if (recent.length > RECENT_CONVERSATIONS) recent.shift();
  }

  /** A later message on the same subject: the promised store visit, or a written follow-up. */
  function followUp(c: Conversation): InboundMessage {
    if (c.storeId) {
      const storeId = c.storeId;
      c.storeId = null;
      const text = storeJourneyText(c.details as ConversationDetails & { topic: StoreTopic }, 'visit');
      return { ...base('store', c, text), store: storeVisit(storeId) };
    }
    // The hub joins the follow-up to the open case of this customer.
    return base(writtenChannel(c.channel, c.from), c, customerMessage(rng, c.details, 'follow-up'));
  }

  function advanceCall(call: Call): InboundMessage {
    const message = base('phone', call.conversation, '');
    if (call.state === 'ringing') {
      call.state = 'answered';
      call.dueAt = count + rng.int(2, 6);
      return { ...message, call: { id: call.id, state: 'answered' } };
    }
    calls.splice(calls.indexOf(call), 1);
    const outcome = rng.weighted({ resolved: 45, 'follow-up': 40, transferred: 10, dropped: 5 });
    return {
      ...message,
      text: customerMessage(rng, call.conversation.details, 'opening'),
      call: {
        id: call.id,
        state: 'ended',
        durationSec: rng.int(45, 1_200),
        outcome,
        notes: topicText(call.conversation.details, 'callNotes'),
      },
    };
  }

  function survey(): InboundMessage | null {
    const candidates = opts.source.casesAwaitingSurvey(20).filter((c) => !surveyed.has(c.caseId));
    if (candidates.length === 0) return null;
    const target = rng.pick(candidates);
    surveyed.add(target.caseId);
    // Surveys of calls, video chats and visits were sent by SMS or e-mail, so that is where the answer comes from.
    const channel = writtenChannel(target.channel, target.from);
    const score = rng.chance(LOW_SCORE_SHARE) ? rng.int(1, 4) : rng.int(5, 10);
    const comment = rng.chance(0.6) ? surveyComment(rng, target.from.language, score) : undefined;
    return {
      channel,
      from: fromFor(channel, target.from),
      text: comment ?? '',
      externalId: externalId(),
      survey: comment ? { caseId: target.caseId, score, comment } : { caseId: target.caseId, score },
    };
  }

  return {
    next(): InboundMessage {
      count++;
      const dueCall = calls.find((c) => c.dueAt <= count);
      if (dueCall) return advanceCall(dueCall);
      if (rng.chance(SURVEY_SHARE)) {
        const answer = survey();
        if (answer) return answer;
      }
      if (recent.length > 0 && rng.chance(FOLLOW_UP_SHARE)) return followUp(rng.pick(recent));
      return startConversation();
    },
  };
}
