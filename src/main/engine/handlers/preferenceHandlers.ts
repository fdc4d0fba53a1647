import { queueMutation } from '../queueMutation';
import { currentStatus, readNotificationSettings, saveNotificationSettings, statusToRestore } from '../preferences';
import type { Handlers, HandlerContext } from './handlerTypes';

/** The link's state now, and the signed-in person's own preferences (notification settings, status at sign-in). */
export function preferenceHandlers({ sessions, clock, emit }: HandlerContext) {
  const db = () => sessions.live().vault.db;
  return {
    'connection.current': () => sessions.live().connectionInfo(),
    'notifications.settings': () => readNotificationSettings(db()),
    'notifications.saveSettings': (settings) => saveNotificationSettings(db(), settings),
    'status.atSignIn': () => {
      const live = sessions.live();
      const current = currentStatus(live.vault.db, live.view().staff);
      const restored = statusToRestore(live.vault.db, current);
      // Queued like the person's own choice: shown at once, sent when the hub is reachable.
      if (restored !== null) queueMutation(live, { type: 'staff.setStatus', status: restored }, clock, emit);
      return { status: restored ?? current, restored };
    },
  } satisfies Partial<Handlers>;
}
