import type { Lang } from '../../shared/domain';

/** The subject of a message a visitor left by email when nobody could chat (agents see it; the reply quotes it). */
export const leftMessageSubject: Record<Lang, string> = {
  en: 'Message from the web chat',
  pl: 'Wiadomość z czatu na stronie',
  el: 'Μήνυμα από τη συνομιλία στον ιστότοπο',
};
