import type { Lang } from '../shared/domain';

/**
 * The few messages the hub itself sends to customers, in the customer's language.
 * (Staff-facing text lives in the workstation's locales; the hub sends reason codes.)
 */

/**
 * The survey's question as the case's timeline keeps it. It names no link: the link's token would let anyone
 * who reads the timeline answer for the customer, so it is added only to what goes out (`surveyLinkLine`).
 */
export const surveyQuestion: Record<Lang, string> = {
  en: 'Your case has been resolved. How would you rate our help, from 1 (very poor) to 10 (excellent)? One click on the link below is enough; you can add a comment if you wish.',
  pl: 'Twoja sprawa została rozwiązana. Jak oceniasz naszą pomoc w skali od 1 (bardzo źle) do 10 (doskonale)? Wystarczy jedno kliknięcie w link poniżej; możesz też dodać komentarz.',
  el: 'Το αίτημά σας επιλύθηκε. Πώς θα βαθμολογούσατε τη βοήθειά μας, από 1 (πολύ κακή) έως 10 (εξαιρετική); Αρκεί ένα κλικ στον παρακάτω σύνδεσμο· μπορείτε να προσθέσετε και σχόλιο.',
};

/** The line under the survey's question in what goes out: where to answer (the case's `/survey/<token>` page). */
export const surveyLinkLine: Record<Lang, (url: string) => string> = {
  en: (url) => `Answer here: ${url}`,
  pl: (url) => `Odpowiedz tutaj: ${url}`,
  el: (url) => `Απαντήστε εδώ: ${url}`,
};
