import type { Lang } from '../shared/domain';

/**
 * The few messages the hub itself sends to customers, in the customer's language.
 * (Staff-facing text lives in the workstation's locales; the hub sends reason codes.)
 */

/**
 * The survey's question as the case's timeline keeps it (and the web chat asks it inline). It names no link:
 * the link's token would let anyone who reads the timeline answer for the customer, so it is added only to what
 * goes out (`surveyLinkLine`).
 */
export const surveyQuestion: Record<Lang, string> = {
  en: 'Your case has been resolved. How would you rate our help, from 1 (very poor) to 10 (excellent)?',
  pl: 'Twoja sprawa została rozwiązana. Jak oceniasz naszą pomoc w skali od 1 (bardzo źle) do 10 (doskonale)?',
  el: 'Το αίτημά σας επιλύθηκε. Πώς θα βαθμολογούσατε τη βοήθειά μας, από 1 (πολύ κακή) έως 10 (εξαιρετική);',
};

/** The line under the survey's question in what goes out: where to answer (the case's `/survey/<token>` page). */
export const surveyLinkLine: Record<Lang, (url: string) => string> = {
  en: (url) => `Answer with one click (a comment is welcome too): ${url}`,
  pl: (url) => `Odpowiedz jednym kliknięciem (możesz też dodać komentarz): ${url}`,
  el: (url) => `Απαντήστε με ένα κλικ (μπορείτε να προσθέσετε και σχόλιο): ${url}`,
};
