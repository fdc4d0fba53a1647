import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NotificationSettingsSchema,
  OwnStatusSchema,
  isOwnStatus,
  type NotificationSettings,
  type OwnStatus,
} from '../../shared/domain/preferences';
import type { Staff, StaffStatus } from '../../shared/domain';
import type { Db } from '../services/cache/database';
import { getRow } from '../services/cache/rows';
import { layOver } from '../services/outbox/overlay';
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

/**
 * The person's status as this workstation best knows it: the newer of the row their sign-in brought and the
 * cached one (the feed may have brought a newer since), with their own change still on its way laid over.
 */
export function currentStatus(db: Db, signedIn: Staff): StaffStatus {
  const cached = getRow(db, 'staff', signedIn.id);
  const newest = cached !== null && cached.version > signedIn.version ? cached : signedIn;
  return layOver(db, 'staff', [newest])[0]?.status ?? newest.status;
}

/** The status to put back at sign-in: the last one chosen, when the person is offline now; else null. */
export function statusToRestore(db: Db, current: StaffStatus): OwnStatus | null {
  return current === 'offline' ? readSetting(db, OWN_STATUS_KEY, OwnStatusSchema) : null;
}
