/**
 * Everything the web chat's frame says to a visitor, in each language the product speaks (the frame and the hub's
 * frame page). Pure data and formatting: it adds nothing to the bundle but the words.
 */
import type { Lang } from '../shared/domain/enums';
import type { VisitorRefusal } from '../shared/protocol/webchat';
import { LAUNCHER_TEXTS, type LauncherTexts } from './launcherTexts';

/** How a message of the conversation stands, as the visitor sees it (the hub's states plus the widget's own two). */
export type ShownStatus = 'sending' | 'failed' | 'sent' | 'delivered' | 'read';

export interface WidgetTexts extends LauncherTexts {
  /** The frame page without its script. */
  noScript: string;
  title: string;
  minimise: string;
  language: string;
  greeting: (customerName: string | null) => string;
  chattingWith: (agentName: string) => string;
  conversation: string;
  you: string;
  /** The shop's automatic messages (no agent named). */
  shop: string;
  typing: (agentName: string | null) => string;
  status: Record<ShownStatus, string>;
  retry: string;
  connecting: string;
  reconnecting: string;
  messageLabel: string;
  messagePlaceholder: string;
  send: string;
  attachPhoto: string;
  removePhoto: string;
  photo: (name: string) => string;
  tooLong: (length: number, max: number) => string;
  photoTooLarge: (name: string, maxMb: number) => string;
  photoType: (name: string) => string;
  uploading: string;
  refusals: Record<VisitorRefusal, string>;
  rateLimited: (seconds: number) => string;
  sessionFailed: string;
  waitShort: string;
  waitAbout: (minutes: number) => string;
  nobody: string;
  leaveMessage: string;
  leaveMessageIntro: string;
  email: string;
  name: string;
  phone: string;
  optional: (label: string) => string;
  message: string;
  sendLeftMessage: string;
  cancel: string;
  leftMessage: (email: string) => string;
  suggestions: string;
  answered: string;
  answeredLabel: (title: string) => string;
  askAnyway: string;
  deflected: string;
  contact: string;
  contactIntro: string;
  saveContact: string;
  contactSaved: string;
  surveyComment: string;
  surveySend: string;
  surveyChange: string;
  surveyScore: (score: number) => string;
  surveyEnds: [string, string];
  surveyThanks: (score: number, until: string | null) => string;
  surveyLocked: string;
}

/** Polish counts take three forms: 1 minuta, 2-4 (not 12-14) minuty, else minut. */
function polishCount(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const tens = n % 100;
  return n % 10 >= 2 && n % 10 <= 4 && (tens < 12 || tens > 14) ? few : many;
}

const en: WidgetTexts = {
  ...LAUNCHER_TEXTS.en,
  noScript: 'The chat needs JavaScript. Please turn it on, or contact us by email.',
  title: 'Customer service',
  minimise: 'Minimise the chat',
  language: 'Language',
  greeting: (name) => (name ? `Hello ${name}! How can we help?` : 'Hello! How can we help?'),
  chattingWith: (name) => `You are chatting with ${name}`,
  conversation: 'Conversation',
  you: 'You',
  shop: 'Customer service',
  typing: (name) => (name ? `${name} is typing…` : 'Someone is typing…'),
  status: { sending: 'Sending…', failed: 'Not sent', sent: 'Sent', delivered: 'Delivered', read: 'Read' },
  retry: 'Send again',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting…',
  messageLabel: 'Your message',
  messagePlaceholder: 'Type your question…',
  send: 'Send',
  attachPhoto: 'Attach a photo',
  removePhoto: 'Remove the photo',
  photo: (name) => `Photo: ${name}`,
  tooLong: (length, max) => `Your message is ${length} characters long; the limit is ${max}. Please shorten it or send it in parts.`,
  photoTooLarge: (name, maxMb) => `The photo “${name}” is too large. Photos can be up to ${maxMb} MB.`,
  photoType: (name) => `“${name}” is not a photo we can take. Please attach a JPEG, PNG, GIF or WebP image.`,
  uploading: 'Uploading the photo…',
  refusals: {
    invalid: 'We could not take this. Please check what you entered and try again.',
    'too-long': 'Your message is too long. Please shorten it or send it in parts.',
    'too-large': 'This file is too large.',
    'bad-file': 'This file cannot be sent. Please attach a photo (JPEG, PNG, GIF or WebP).',
    'rate-limited': 'You are sending very quickly. Please wait a moment and try again.',
    closed: 'This conversation has ended. Write again to start a new one.',
    'not-found': 'We could not find that. Please reload the page.',
    locked: 'This answer can no longer be changed.',
    unavailable: 'We are briefly unavailable. Nothing was lost; please try again in a moment.',
  },
  rateLimited: (s) => `You are sending very quickly. Please wait ${s} seconds and try again; your message is kept.`,
  sessionFailed: 'The chat could not start. Please reload the page in a moment.',
  waitShort: 'Someone will answer you shortly.',
  waitAbout: (m) => `Expected wait: about ${m} ${m === 1 ? 'minute' : 'minutes'}.`,
  nobody: 'Nobody is available right now.',
  leaveMessage: 'Leave a message',
  leaveMessageIntro: 'Leave your message and email address and we will answer by email.',
  email: 'Email address',
  name: 'Name',
  phone: 'Phone number',
  optional: (label) => `${label} (optional)`,
  message: 'Message',
  sendLeftMessage: 'Send the message',
  cancel: 'Cancel',
  leftMessage: (email) => `Thank you. We will answer by email at ${email}.`,
  suggestions: 'These articles may answer your question:',
  answered: 'This answered my question',
  answeredLabel: (title) => `“${title}” answered my question`,
  askAnyway: 'Ask anyway',
  deflected: 'Glad we could help! Your question was not sent. Write again whenever you need us.',
  contact: 'Leave your email or phone',
  contactIntro: 'So we can reach you if the chat is interrupted.',
  saveContact: 'Save',
  contactSaved: 'Thank you, we have your contact details.',
  surveyComment: 'Anything you would like to add? (optional)',
  surveySend: 'Send my answer',
  surveyChange: 'Change my answer',
  surveyScore: (n) => `${n} out of 10`,
  surveyEnds: ['1 = not at all', '10 = extremely'],
  surveyThanks: (score, until) => `Thank you for your answer: ${score} out of 10.${until ? ` You can change it until ${until}.` : ''}`,
  surveyLocked: 'Thank you. Your answer can no longer be changed.',
};

const pl: WidgetTexts = {
  ...LAUNCHER_TEXTS.pl,
  noScript: 'Czat wymaga JavaScriptu. Włącz go albo napisz do nas e-mail.',
  title: 'Obsługa klienta',
  minimise: 'Zwiń czat',
  language: 'Język',
  greeting: (name) => (name ? `Dzień dobry, ${name}! W czym możemy pomóc?` : 'Dzień dobry! W czym możemy pomóc?'),
  chattingWith: (name) => `Rozmawiasz z: ${name}`,
  conversation: 'Rozmowa',
  you: 'Ty',
  shop: 'Obsługa klienta',
  typing: (name) => (name ? `${name} pisze…` : 'Ktoś pisze…'),
  status: { sending: 'Wysyłanie…', failed: 'Nie wysłano', sent: 'Wysłano', delivered: 'Dostarczono', read: 'Przeczytano' },
  retry: 'Wyślij ponownie',
  connecting: 'Łączenie…',
  reconnecting: 'Utracono połączenie. Łączymy ponownie…',
  messageLabel: 'Twoja wiadomość',
  messagePlaceholder: 'Napisz swoje pytanie…',
  send: 'Wyślij',
  attachPhoto: 'Dołącz zdjęcie',
  removePhoto: 'Usuń zdjęcie',
  photo: (name) => `Zdjęcie: ${name}`,
  tooLong: (length, max) => `Twoja wiadomość ma ${length} znaków; limit to ${max}. Skróć ją lub wyślij w częściach.`,
  photoTooLarge: (name, maxMb) => `Zdjęcie „${name}” jest za duże. Zdjęcie może mieć najwyżej ${maxMb} MB.`,
  photoType: (name) => `„${name}” nie jest zdjęciem, które możemy przyjąć. Dołącz obraz JPEG, PNG, GIF lub WebP.`,
  uploading: 'Przesyłanie zdjęcia…',
  refusals: {
    invalid: 'Nie udało się tego przyjąć. Sprawdź wpisane dane i spróbuj ponownie.',
    'too-long': 'Wiadomość jest za długa. Skróć ją lub wyślij w częściach.',
    'too-large': 'Ten plik jest za duży.',
    'bad-file': 'Tego pliku nie można wysłać. Dołącz zdjęcie (JPEG, PNG, GIF lub WebP).',
    'rate-limited': 'Wysyłasz bardzo szybko. Odczekaj chwilę i spróbuj ponownie.',
    closed: 'Ta rozmowa została zakończona. Napisz ponownie, aby zacząć nową.',
    'not-found': 'Nie udało się tego znaleźć. Odśwież stronę.',
    locked: 'Tej odpowiedzi nie można już zmienić.',
    unavailable: 'Jesteśmy na chwilę niedostępni. Nic nie zginęło; spróbuj ponownie za moment.',
  },
  rateLimited: (s) => `Wysyłasz bardzo szybko. Odczekaj ${s} ${polishCount(s, 'sekundę', 'sekundy', 'sekund')} i spróbuj ponownie; wiadomość została zachowana.`,
  sessionFailed: 'Nie udało się uruchomić czatu. Odśwież stronę za chwilę.',
  waitShort: 'Ktoś wkrótce Ci odpowie.',
  waitAbout: (m) => `Przewidywany czas oczekiwania: około ${m} ${polishCount(m, 'minuta', 'minuty', 'minut')}.`,
  nobody: 'W tej chwili nikt nie jest dostępny.',
  leaveMessage: 'Zostaw wiadomość',
  leaveMessageIntro: 'Zostaw wiadomość i adres e-mail, a odpowiemy e-mailem.',
  email: 'Adres e-mail',
  name: 'Imię',
  phone: 'Numer telefonu',
  optional: (label) => `${label} (opcjonalnie)`,
  message: 'Wiadomość',
  sendLeftMessage: 'Wyślij wiadomość',
  cancel: 'Anuluj',
  leftMessage: (email) => `Dziękujemy. Odpowiemy e-mailem na adres ${email}.`,
  suggestions: 'Te artykuły mogą odpowiedzieć na Twoje pytanie:',
  answered: 'To odpowiada na moje pytanie',
  answeredLabel: (title) => `„${title}” odpowiada na moje pytanie`,
  askAnyway: 'Zapytaj mimo to',
  deflected: 'Cieszymy się, że mogliśmy pomóc! Twoje pytanie nie zostało wysłane. Napisz, gdy będziesz nas potrzebować.',
  contact: 'Zostaw e-mail lub telefon',
  contactIntro: 'Abyśmy mogli się z Tobą skontaktować, jeśli czat zostanie przerwany.',
  saveContact: 'Zapisz',
  contactSaved: 'Dziękujemy, mamy Twoje dane kontaktowe.',
  surveyComment: 'Chcesz coś dodać? (opcjonalnie)',
  surveySend: 'Wyślij odpowiedź',
  surveyChange: 'Zmień odpowiedź',
  surveyScore: (n) => `${n} na 10`,
  surveyEnds: ['1 = wcale', '10 = zdecydowanie'],
  surveyThanks: (score, until) => `Dziękujemy za odpowiedź: ${score} na 10.${until ? ` Możesz ją zmienić do ${until}.` : ''}`,
  surveyLocked: 'Dziękujemy. Tej odpowiedzi nie można już zmienić.',
};

const el: WidgetTexts = {
  ...LAUNCHER_TEXTS.el,
  noScript: 'Η συνομιλία χρειάζεται JavaScript. Ενεργοποιήστε τη ή στείλτε μας email.',
  title: 'Εξυπηρέτηση πελατών',
  minimise: 'Ελαχιστοποίηση της συνομιλίας',
  language: 'Γλώσσα',
  greeting: (name) => (name ? `Γεια σας, ${name}! Πώς μπορούμε να βοηθήσουμε;` : 'Γεια σας! Πώς μπορούμε να βοηθήσουμε;'),
  chattingWith: (name) => `Συνομιλείτε με: ${name}`,
  conversation: 'Συνομιλία',
  you: 'Εσείς',
  shop: 'Εξυπηρέτηση πελατών',
  typing: (name) => (name ? `${name} πληκτρολογεί…` : 'Κάποιος πληκτρολογεί…'),
  status: { sending: 'Αποστολή…', failed: 'Δεν στάλθηκε', sent: 'Στάλθηκε', delivered: 'Παραδόθηκε', read: 'Διαβάστηκε' },
  retry: 'Αποστολή ξανά',
  connecting: 'Σύνδεση…',
  reconnecting: 'Η σύνδεση χάθηκε. Επανασύνδεση…',
  messageLabel: 'Το μήνυμά σας',
  messagePlaceholder: 'Γράψτε την ερώτησή σας…',
  send: 'Αποστολή',
  attachPhoto: 'Επισύναψη φωτογραφίας',
  removePhoto: 'Αφαίρεση της φωτογραφίας',
  photo: (name) => `Φωτογραφία: ${name}`,
  tooLong: (length, max) => `Το μήνυμά σας έχει ${length} χαρακτήρες· το όριο είναι ${max}. Συντομεύστε το ή στείλτε το σε μέρη.`,
  photoTooLarge: (name, maxMb) => `Η φωτογραφία «${name}» είναι πολύ μεγάλη. Οι φωτογραφίες μπορούν να είναι έως ${maxMb} MB.`,
  photoType: (name) => `Το «${name}» δεν είναι φωτογραφία που δεχόμαστε. Επισυνάψτε εικόνα JPEG, PNG, GIF ή WebP.`,
  uploading: 'Αποστολή της φωτογραφίας…',
  refusals: {
    invalid: 'Δεν ήταν δυνατό να το δεχτούμε. Ελέγξτε τι γράψατε και δοκιμάστε ξανά.',
    'too-long': 'Το μήνυμα είναι πολύ μεγάλο. Συντομεύστε το ή στείλτε το σε μέρη.',
    'too-large': 'Αυτό το αρχείο είναι πολύ μεγάλο.',
    'bad-file': 'Αυτό το αρχείο δεν μπορεί να σταλεί. Επισυνάψτε φωτογραφία (JPEG, PNG, GIF ή WebP).',
    'rate-limited': 'Στέλνετε πολύ γρήγορα. Περιμένετε λίγο και δοκιμάστε ξανά.',
    closed: 'Αυτή η συνομιλία έχει τελειώσει. Γράψτε ξανά για να ξεκινήσετε νέα.',
    'not-found': 'Δεν βρέθηκε. Φορτώστε ξανά τη σελίδα.',
    locked: 'Αυτή η απάντηση δεν μπορεί πλέον να αλλάξει.',
    unavailable: 'Δεν είμαστε διαθέσιμοι για λίγο. Τίποτα δεν χάθηκε· δοκιμάστε ξανά σε λίγο.',
  },
  rateLimited: (s) => `Στέλνετε πολύ γρήγορα. Περιμένετε ${s} ${s === 1 ? 'δευτερόλεπτο' : 'δευτερόλεπτα'} και δοκιμάστε ξανά· το μήνυμά σας κρατήθηκε.`,
  sessionFailed: 'Η συνομιλία δεν μπόρεσε να ξεκινήσει. Φορτώστε ξανά τη σελίδα σε λίγο.',
  waitShort: 'Κάποιος θα σας απαντήσει σύντομα.',
  waitAbout: (m) => `Αναμενόμενη αναμονή: περίπου ${m} ${m === 1 ? 'λεπτό' : 'λεπτά'}.`,
  nobody: 'Κανείς δεν είναι διαθέσιμος αυτή τη στιγμή.',
  leaveMessage: 'Αφήστε μήνυμα',
  leaveMessageIntro: 'Αφήστε το μήνυμά σας και τη διεύθυνση email σας και θα σας απαντήσουμε με email.',
  email: 'Διεύθυνση email',
  name: 'Όνομα',
  phone: 'Αριθμός τηλεφώνου',
  optional: (label) => `${label} (προαιρετικά)`,
  message: 'Μήνυμα',
  sendLeftMessage: 'Αποστολή του μηνύματος',
  cancel: 'Ακύρωση',
  leftMessage: (email) => `Ευχαριστούμε. Θα απαντήσουμε με email στο ${email}.`,
  suggestions: 'Αυτά τα άρθρα ίσως απαντούν στην ερώτησή σας:',
  answered: 'Αυτό απάντησε στην ερώτησή μου',
  answeredLabel: (title) => `Το «${title}» απάντησε στην ερώτησή μου`,
  askAnyway: 'Ρωτήστε έτσι κι αλλιώς',
  deflected: 'Χαιρόμαστε που βοηθήσαμε! Η ερώτησή σας δεν στάλθηκε. Γράψτε μας όποτε μας χρειαστείτε.',
  contact: 'Αφήστε email ή τηλέφωνο',
  contactIntro: 'Για να μπορούμε να επικοινωνήσουμε μαζί σας αν διακοπεί η συνομιλία.',
  saveContact: 'Αποθήκευση',
  contactSaved: 'Ευχαριστούμε, έχουμε τα στοιχεία επικοινωνίας σας.',
  surveyComment: 'Θέλετε να προσθέσετε κάτι; (προαιρετικά)',
  surveySend: 'Αποστολή της απάντησης',
  surveyChange: 'Αλλαγή της απάντησης',
  surveyScore: (n) => `${n} στα 10`,
  surveyEnds: ['1 = καθόλου', '10 = απόλυτα'],
  surveyThanks: (score, until) => `Ευχαριστούμε για την απάντηση: ${score} στα 10.${until ? ` Μπορείτε να την αλλάξετε έως ${until}.` : ''}`,
  surveyLocked: 'Ευχαριστούμε. Η απάντησή σας δεν μπορεί πλέον να αλλάξει.',
};

export const WIDGET_TEXTS: Record<Lang, WidgetTexts> = { en, pl, el };
