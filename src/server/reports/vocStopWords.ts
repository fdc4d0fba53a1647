import { foldPhrase } from '../../shared/assist/tokenize';
import { NEGATION } from '../../shared/assist/lexicons';

/**
 * Stop words of the Voice of the Customer's recurring phrases: words that say nothing about what went wrong.
 * One list per language, written as the language spells them and folded at load by the search tokenizer, so
 * "się", "sie" and "SIĘ" are one word and Greek is matched without accents. Our own lists, for this product.
 *
 * The assist's function words (lexicons/languageCues.ts) are not used: they tell languages apart and so list
 * words such as "order", "paczka" and "zamówienie", which are exactly what a supervisor wants to see recur.
 */
const EN = `a an the and or but if then so than as of to in on at by for from with about into over after before
  i me my mine we us our you your he him his she her it its they them their this that these those there here
  is are was were be been being am do does did done have has had having will would shall should can could may
  might must just also too very really quite still even only again ever yet
  what which who whom whose when where why how all any some each every both more most much many such
  im ive id youre its thats theres dont`;

const PL = `a i o u w z we ze do na po za od przy przez dla pod nad przed bez ku
  oraz albo lub ale czy że żeby bo więc też także jednak jeśli gdy kiedy jak jako już jeszcze tylko nawet
  to ten ta te tego tej tym tą ci tamten tamta tamto co kto który która które którego gdzie dlaczego
  jest są był była było byli były być będzie będą jestem jesteś jesteśmy mam ma mają miał miała
  się mnie mi mój moja moje mojego mojej ja ty on ona ono my wy oni one nas was ich jego jej go mu im
  bardzo tak tu tam sobie siebie może można trzeba proszę pan pani państwo`;

const EL = `ο η το οι τα του της των τον την τη τις ένας μια μία ένα ενός μιας
  και κι να θα με σε στο στη στην στον στα στους στις για από προς ως μέχρι
  που πως ότι όταν αν αλλά ή ούτε είτε επειδή γιατί ενώ
  είναι ήταν είμαι είσαι είμαστε έχω έχει έχουν είχα είχε
  εγώ εσύ αυτός αυτή αυτό αυτοί αυτά μου σου του μας σας τους με σε μένα εσένα
  πολύ πιο τόσο ακόμα ακόμη ήδη μόνο επίσης εδώ εκεί κάτι τίποτα όλα όλοι κάθε`;

const fold = (list: string): string[] => list.split(/\s+/).map((w) => foldPhrase(w)).filter(Boolean);

export const STOP_WORDS: Readonly<Record<'en' | 'pl' | 'el', ReadonlySet<string>>> = {
  en: new Set(fold(EN)),
  pl: new Set(fold(PL)),
  el: new Set(fold(EL)),
};
const ALL = new Set([...STOP_WORDS.en, ...STOP_WORDS.pl, ...STOP_WORDS.el]);

/**
 * A folded word that is never counted on its own: a stop word of any of the three languages (a comment's
 * language is not known for sure, and the lists hardly overlap with one another's content words), or a negator.
 */
export function isStopWord(folded: string): boolean {
  return ALL.has(folded) || isNegator(folded);
}

/** "not", "nie", "δεν": dropped alone, but kept leading a phrase ("nie działa", "not working"). */
export function isNegator(folded: string): boolean {
  return NEGATION.exact.has(folded);
}
