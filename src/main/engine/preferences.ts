import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NotificationSettingsSchema,
  OwnStatusSchema,
  isOwnStatus,
  type NotificationSettings,
  type OwnStatus,
} from '../../shared/domain/preferences';
import type { StaffStatus } from '../../shared/domain';
import type { Db } from '../services/cache/database';
import { readSetting, writeSetting } from './cacheSettings';

// The person's own preferences, in their encrypted cache: they follow the person, not the PC's other users.

const NOTIFICATIONS_KEY = 'notificationSettings';
const OWN_STATUS_KEY = 'lastOwnStatus';

export const readNotificationSettings = (db: Db): NotificationSettings =>
  readSetting(db, NOTIFICATIONS_KEY, NotificationSettingsSchema) ?? DEFAULT_NOTIFICATION_SETTINGS;

export function saveNotificationSettings(db: Db, settings: NotificationSettings): NotificationSettings {
  writeSetting(db, NOTIFICATIONS_KEY, settings);
  return settings;
}

/** Keeps a status the person chose for themselves (offline is never their choice: a supervisor's or a sign-out's). */
export function rememberOwnStatus(db: Db, status: StaffStatus): void {
  if (isOwnStatus(status)) writeSetting(db, OWN_STATUS_KEY, status);
}

/** The status to put back at sign-in: the last one chosen, when the person is offline now; else null. */
export function statusToRestore(db: Db, current: StaffStatus): OwnStatus | null {
  return current === 'offline' ? readSetting(db, OWN_STATUS_KEY, OwnStatusSchema) : null;
}
