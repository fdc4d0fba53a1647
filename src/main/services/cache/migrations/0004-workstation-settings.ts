import type { Migration } from './index';

/** The engine's own values in the person's encrypted cache: the hub session (refresh token), assist feedback. */
export const workstationSettings: Migration = {
  version: 4,
  name: 'workstation-settings',
  up(db) {
    db.exec('CREATE TABLE workstation_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID');
  },
};
