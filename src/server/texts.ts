import type { Lang } from '../shared/domain';

/**
 * The few messages the hub itself sends to customers, in the customer's language.
 * (Staff-facing text lives in the workstation's locales; the hub sends reason codes.)
 */
export const surveyQuestion: Record<Lang, string> = {
  en: 'Your case has been resolved. How would you rate our help, from 1 (very poor) to 10 (excellent)? Just reply with a number.',
  pl: 'Twoja sprawa została rozwiązana. Jak oceniasz naszą pomoc w skali od 1 (bardzo źle) do 10 (doskonale)? Wystarczy odpisać liczbą.',
  el: 'Το αίτημά σας επιλύθηκε. Πώς θα βαθμολογούσατε τη βοήθειά μας, από 1 (πολύ κακή) έως 10 (εξαιρετική); Απαντήστε απλώς με έναν αριθμό.',
};
