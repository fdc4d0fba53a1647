/** What the help site says, in each customer language. */
import type { Lang } from '../../shared/domain';

export interface HelpTexts {
  siteName: string;
  /** The index's `<meta name="description">` and its first paragraph. */
  intro: string;
  skipLink: string;
  languages: string;
  searchLabel: string;
  searchButton: string;
  allArticles: string;
  /** The heading over search results. */
  resultsFor: (query: string) => string;
  found: (count: number) => string;
  noResults: (query: string) => string;
  tryOther: string;
  /** The search was longer than the site reads: only its start was used. */
  queryCut: (chars: number) => string;
  noArticles: string;
  /** Where to turn when no article helps: the people behind the web chat and e-mail. */
  stillNeedHelp: string;
  contact: string;
  backToAll: string;
  updated: (date: string) => string;
}

/** `one` / `few` / `many` / `other` as the language's plural rules pick for `n`. */
const plural = (lang: Lang, n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) =>
  (forms[new Intl.PluralRules(lang).select(n)] ?? forms.other).replace('#', String(n));

export const HELP_TEXTS: Readonly<Record<Lang, HelpTexts>> = {
  en: {
    siteName: 'Help centre',
    intro: 'Answers to the questions customers ask most. Search for your question, or browse all the articles.',
    skipLink: 'Skip to content',
    languages: 'Language',
    searchLabel: 'Search the help centre',
    searchButton: 'Search',
    allArticles: 'All articles',
    resultsFor: (q) => `Results for “${q}”`,
    found: (n) => plural('en', n, { one: '# article found.', other: '# articles found.' }),
    noResults: (q) => `No article matches “${q}”.`,
    tryOther: 'Try other or fewer words, or browse all the articles below.',
    queryCut: (chars) => `Your search was long, so only its first ${chars} characters were used.`,
    noArticles: 'There are no articles in this language yet.',
    stillNeedHelp: 'Still need help?',
    contact: 'Write to us in the chat on our website, or reply to any e-mail from us: a person from our team will answer.',
    backToAll: 'All help articles',
    updated: (date) => `Updated ${date}`,
  },
  pl: {
    siteName: 'Centrum pomocy',
    intro: 'Odpowiedzi na pytania, które klienci zadają najczęściej. Wyszukaj swoje pytanie albo przejrzyj wszystkie artykuły.',
    skipLink: 'Przejdź do treści',
    languages: 'Język',
    searchLabel: 'Szukaj w centrum pomocy',
    searchButton: 'Szukaj',
    allArticles: 'Wszystkie artykuły',
    resultsFor: (q) => `Wyniki dla „${q}”`,
    found: (n) => plural('pl', n, { one: 'Znaleziono # artykuł.', few: 'Znaleziono # artykuły.', other: 'Znaleziono # artykułów.' }),
    noResults: (q) => `Żaden artykuł nie pasuje do „${q}”.`,
    tryOther: 'Spróbuj innych lub mniej słów albo przejrzyj wszystkie artykuły poniżej.',
    queryCut: (chars) => `Wyszukiwana fraza była długa, więc użyliśmy tylko jej pierwszych ${chars} znaków.`,
    noArticles: 'Nie ma jeszcze artykułów w tym języku.',
    stillNeedHelp: 'Nadal potrzebujesz pomocy?',
    contact: 'Napisz do nas na czacie na naszej stronie albo odpowiedz na dowolny e-mail od nas: odpowie Ci osoba z naszego zespołu.',
    backToAll: 'Wszystkie artykuły pomocy',
    updated: (date) => `Zaktualizowano ${date}`,
  },
  el: {
    siteName: 'Κέντρο βοήθειας',
    intro: 'Απαντήσεις στις ερωτήσεις που κάνουν συχνότερα οι πελάτες. Αναζητήστε την ερώτησή σας ή δείτε όλα τα άρθρα.',
    skipLink: 'Μετάβαση στο περιεχόμενο',
    languages: 'Γλώσσα',
    searchLabel: 'Αναζήτηση στο κέντρο βοήθειας',
    searchButton: 'Αναζήτηση',
    allArticles: 'Όλα τα άρθρα',
    resultsFor: (q) => `Αποτελέσματα για «${q}»`,
    found: (n) => plural('el', n, { one: 'Βρέθηκε # άρθρο.', other: 'Βρέθηκαν # άρθρα.' }),
    noResults: (q) => `Κανένα άρθρο δεν ταιριάζει με «${q}».`,
    tryOther: 'Δοκιμάστε άλλες ή λιγότερες λέξεις ή δείτε όλα τα άρθρα παρακάτω.',
    queryCut: (chars) => `Η αναζήτησή σας ήταν μεγάλη, οπότε χρησιμοποιήθηκαν μόνο οι πρώτοι ${chars} χαρακτήρες της.`,
    noArticles: 'Δεν υπάρχουν ακόμη άρθρα σε αυτή τη γλώσσα.',
    stillNeedHelp: 'Χρειάζεστε ακόμη βοήθεια;',
    contact: 'Γράψτε μας στη συνομιλία στον ιστότοπό μας ή απαντήστε σε οποιοδήποτε e-mail μας: θα σας απαντήσει ένα άτομο της ομάδας μας.',
    backToAll: 'Όλα τα άρθρα βοήθειας',
    updated: (date) => `Ενημερώθηκε ${date}`,
  },
};
