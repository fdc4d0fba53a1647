import type { Lang } from '../../shared/domain';

/** What the survey page says, in each language the product speaks. */
export interface SurveyTexts {
  title: string;
  /** Which case the question is about (its reference, as in the emails' subjects). */
  caseLine: (reference: string) => string;
  legend: string;
  low: string;
  high: string;
  commentLabel: string;
  commentHint: (max: number) => string;
  send: string;
  change: string;
  thanks: string;
  yourScore: (score: number) => string;
  yourComment: string;
  changeUntil: (when: string) => string;
  locked: string;
  notSaved: string;
  /** What they wrote and could not be saved (shown so that it is not lost). */
  yourText: string;
  scoreMissing: string;
  commentTooLong: (length: number, max: number) => string;
  tooMany: string;
  errorTitle: string;
  languages: string;
}

export const SURVEY_TEXTS: Record<Lang, SurveyTexts> = {
  en: {
    title: 'How did we do?',
    caseLine: (ref) => `About your case ${ref}`,
    legend: 'How would you rate our help, from 1 (very poor) to 10 (excellent)?',
    low: '1 = very poor',
    high: '10 = excellent',
    commentLabel: 'Comment (optional)',
    commentHint: (max) => `At most ${max.toLocaleString('en')} characters.`,
    send: 'Send my answer',
    change: 'Change my answer',
    thanks: 'Thank you for your answer.',
    yourScore: (score) => `Your score: ${score} of 10`,
    yourComment: 'Your comment:',
    changeUntil: (when) => `You can change your answer until ${when}.`,
    locked: 'This survey is closed: an answer can be changed for 7 days after it is given.',
    notSaved: 'Your answer was not saved.',
    yourText: 'What you wrote (not saved):',
    scoreMissing: 'Choose a score from 1 to 10.',
    commentTooLong: (length, max) => `Your comment has ${length.toLocaleString('en')} characters; at most ${max.toLocaleString('en')} fit. Please shorten it.`,
    tooMany: 'Too many attempts in a short time. Please wait a minute and send again; what you wrote is kept below.',
    errorTitle: 'Error',
    languages: 'Language',
  },
  pl: {
    title: 'Jak nam poszło?',
    caseLine: (ref) => `Dotyczy Twojej sprawy ${ref}`,
    legend: 'Jak oceniasz naszą pomoc w skali od 1 (bardzo źle) do 10 (doskonale)?',
    low: '1 = bardzo źle',
    high: '10 = doskonale',
    commentLabel: 'Komentarz (opcjonalnie)',
    commentHint: (max) => `Najwyżej ${max.toLocaleString('pl')} znaków.`,
    send: 'Wyślij odpowiedź',
    change: 'Zmień odpowiedź',
    thanks: 'Dziękujemy za odpowiedź.',
    yourScore: (score) => `Twoja ocena: ${score} z 10`,
    yourComment: 'Twój komentarz:',
    changeUntil: (when) => `Możesz zmienić odpowiedź do ${when}.`,
    locked: 'Ankieta jest zamknięta: odpowiedź można zmieniać przez 7 dni od jej udzielenia.',
    notSaved: 'Twoja odpowiedź nie została zapisana.',
    yourText: 'Twój tekst (niezapisany):',
    scoreMissing: 'Wybierz ocenę od 1 do 10.',
    commentTooLong: (length, max) => `Komentarz ma ${length.toLocaleString('pl')} znaków; mieści się najwyżej ${max.toLocaleString('pl')}. Skróć go, proszę.`,
    tooMany: 'Zbyt wiele prób w krótkim czasie. Odczekaj minutę i wyślij ponownie; Twój tekst został zachowany poniżej.',
    errorTitle: 'Błąd',
    languages: 'Język',
  },
  el: {
    title: 'Πώς τα πήγαμε;',
    caseLine: (ref) => `Σχετικά με το αίτημά σας ${ref}`,
    legend: 'Πώς θα βαθμολογούσατε τη βοήθειά μας, από 1 (πολύ κακή) έως 10 (εξαιρετική);',
    low: '1 = πολύ κακή',
    high: '10 = εξαιρετική',
    commentLabel: 'Σχόλιο (προαιρετικό)',
    commentHint: (max) => `Έως ${max.toLocaleString('el')} χαρακτήρες.`,
    send: 'Αποστολή απάντησης',
    change: 'Αλλαγή απάντησης',
    thanks: 'Σας ευχαριστούμε για την απάντησή σας.',
    yourScore: (score) => `Η βαθμολογία σας: ${score} στα 10`,
    yourComment: 'Το σχόλιό σας:',
    changeUntil: (when) => `Μπορείτε να αλλάξετε την απάντησή σας έως ${when}.`,
    locked: 'Η έρευνα έκλεισε: μια απάντηση μπορεί να αλλάξει για 7 ημέρες αφότου δοθεί.',
    notSaved: 'Η απάντησή σας δεν αποθηκεύτηκε.',
    yourText: 'Όσα γράψατε (δεν αποθηκεύτηκαν):',
    scoreMissing: 'Επιλέξτε βαθμολογία από 1 έως 10.',
    commentTooLong: (length, max) => `Το σχόλιό σας έχει ${length.toLocaleString('el')} χαρακτήρες· χωρούν έως ${max.toLocaleString('el')}. Παρακαλούμε συντομεύστε το.`,
    tooMany: 'Πάρα πολλές προσπάθειες σε σύντομο χρόνο. Περιμένετε ένα λεπτό και στείλτε ξανά· όσα γράψατε φαίνονται παρακάτω.',
    errorTitle: 'Σφάλμα',
    languages: 'Γλώσσα',
  },
};
