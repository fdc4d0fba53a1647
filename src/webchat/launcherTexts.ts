/** What the chat button on the shop's page says: apart from the frame's texts, so `/widget.js` stays small. */
import type { Lang } from '../shared/domain/enums';

export interface LauncherTexts {
  launcherOpen: string;
  launcherClose: string;
  /** The iframe's accessible name. */
  frameTitle: string;
}

export const LAUNCHER_TEXTS: Record<Lang, LauncherTexts> = {
  en: { launcherOpen: 'Chat with us', launcherClose: 'Close the chat', frameTitle: 'Chat with customer service' },
  pl: { launcherOpen: 'Porozmawiaj z nami', launcherClose: 'Zamknij czat', frameTitle: 'Czat z obsługą klienta' },
  el: { launcherOpen: 'Συνομιλήστε μαζί μας', launcherClose: 'Κλείσιμο της συνομιλίας', frameTitle: 'Συνομιλία με την εξυπηρέτηση πελατών' },
};
