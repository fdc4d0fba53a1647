/**
 * Every list the engine uses, compiled once when the module loads. The raw lists sit beside this file with
 * their sources and licences in SOURCES.md.
 */
import { compileLexicon, type Lexicon } from '../lexicon';
import type { Lang } from '../types';
import {
  ACKNOWLEDGEMENT_CUES,
  BLAME_CUES,
  CASUAL_CUES,
  DISMISSIVE_ALONE_CUES,
  DISMISSIVE_CUES,
  HUMOUR_CUES,
  JARGON_CUES,
  SMILEY_CUES,
} from './draftCues';
import { EL_MKLAB_ANGER, EL_MKLAB_FEAR, EL_MKLAB_POLARITY, EL_MKLAB_SADNESS } from './elMklab';
import { EL_SENTIMENT } from './elSentiment';
import { EMOJI_VALENCE } from './emoji';
import { EN_AFINN_165 } from './enAfinn165';
import { EN_DOMAIN } from './enDomain';
import { EN_NEGATIVE } from './enNegative';
import { EN_POSITIVE } from './enPositive';
import { ANGER_CUES, ANXIETY_CUES, SADNESS_CUES } from './emotionCues';
import { FORMAL_CUES, INFORMAL_CUES } from './formalityCues';
import { EL_FUNCTION_WORDS, EN_FUNCTION_WORDS, PL_FUNCTION_WORDS } from './languageCues';
import {
  CALL_CUES,
  CALL_DROPPED_CUES,
  CALL_HOLD_CUES,
  CALL_UNANSWERED_CUES,
  DELIVERED_OR_SET_UP_CUES,
  DELIVERY_PROBLEM_CUES,
  GUIDE_CUES,
  ORDER_NUMBER_REQUEST_CUES,
  ORDER_TOPIC_CUES,
  PING_CUES,
  PROMISE_CUES,
  REQUEST_CUES,
} from './caseCues';
import { CONTRASTS, COURTESIES, INTENSIFIERS, NEGATORS, QUESTION_STARTERS } from './modifiers';
import { PL_SENTIMENT } from './plSentiment';
import { NO_HURRY_CUES, URGENT_CUES } from './urgencyCues';

/** English inflections AFINN does not always list ("sucked", "cancelling", "badly"). */
const ENGLISH_ENDINGS = ['s', 'es', 'ed', 'd', 'ing', 'ly'];

/** Word valences per language; later sources override earlier ones. */
export const SENTIMENT: Readonly<Record<Lang, Lexicon>> = {
  en: compileLexicon([EN_AFINN_165, EN_NEGATIVE, EN_POSITIVE, EN_DOMAIN], { endings: ENGLISH_ENDINGS }),
  pl: compileLexicon([PL_SENTIMENT]),
  el: compileLexicon([EL_MKLAB_POLARITY, EL_SENTIMENT]),
};
export const EMOJI = compileLexicon([EMOJI_VALENCE]);
export const NEGATION = compileLexicon([NEGATORS]);
export const INTENSITY = compileLexicon([INTENSIFIERS]);
export const CONTRAST = compileLexicon([CONTRASTS]);
export const QUESTION_OPENERS = compileLexicon([QUESTION_STARTERS]);
export const COURTESY = compileLexicon([COURTESIES]);

export const ANGER = compileLexicon([ANGER_CUES, EL_MKLAB_ANGER]);
export const ANXIETY = compileLexicon([ANXIETY_CUES, EL_MKLAB_FEAR]);
export const SADNESS = compileLexicon([SADNESS_CUES, EL_MKLAB_SADNESS]);
export const URGENT = compileLexicon([URGENT_CUES]);
export const NO_HURRY = compileLexicon([NO_HURRY_CUES]);
export const FORMAL = compileLexicon([FORMAL_CUES]);
export const INFORMAL = compileLexicon([INFORMAL_CUES]);

export const ACKNOWLEDGEMENT = compileLexicon([ACKNOWLEDGEMENT_CUES]);
export const BLAME = compileLexicon([BLAME_CUES]);
export const HUMOUR = compileLexicon([HUMOUR_CUES]);
export const CASUAL = compileLexicon([CASUAL_CUES]);
export const JARGON = compileLexicon([JARGON_CUES]);
export const SMILEY = compileLexicon([SMILEY_CUES]);
export const DISMISSIVE = compileLexicon([DISMISSIVE_CUES]);
export const DISMISSIVE_ALONE = compileLexicon([DISMISSIVE_ALONE_CUES]);

export const EN_WORDS = compileLexicon([EN_FUNCTION_WORDS]);
export const PL_WORDS = compileLexicon([PL_FUNCTION_WORDS]);
/** Words too common to count when matching a question against knowledge-base articles. */
export const FUNCTION_WORDS = compileLexicon([EN_FUNCTION_WORDS, PL_FUNCTION_WORDS, EL_FUNCTION_WORDS]);

export const ORDER_TOPIC = compileLexicon([ORDER_TOPIC_CUES]);
export const ORDER_NUMBER_REQUEST = compileLexicon([ORDER_NUMBER_REQUEST_CUES]);
export const PROMISE = compileLexicon([PROMISE_CUES]);
export const PING = compileLexicon([PING_CUES]);
export const REQUEST = compileLexicon([REQUEST_CUES]);
export const CALL = compileLexicon([CALL_CUES]);
export const CALL_UNANSWERED = compileLexicon([CALL_UNANSWERED_CUES]);
export const CALL_DROPPED = compileLexicon([CALL_DROPPED_CUES]);
export const CALL_HOLD = compileLexicon([CALL_HOLD_CUES]);
export const DELIVERED_OR_SET_UP = compileLexicon([DELIVERED_OR_SET_UP_CUES]);
export const DELIVERY_PROBLEM = compileLexicon([DELIVERY_PROBLEM_CUES]);
export const GUIDE = compileLexicon([GUIDE_CUES]);
