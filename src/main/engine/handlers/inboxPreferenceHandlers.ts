import { randomUUID } from 'node:crypto';
import { DEFAULT_INBOX_PREFERENCES, InboxPreferencesSchema, MAX_SAVED_VIEWS, type InboxPreferences, type SavedView } from '../../../shared/ipc/contract';
import { readSetting, writeSetting } from '../cacheSettings';
import { EngineError } from '../engineError';
import type { HandlerContext, Handlers } from './handlerTypes';

const KEY = 'inbox-preferences';

/** Names compare as people read them: "Urgent chats" and "urgent chats " are the same view. */
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * The person's inbox settings (row density, saved views), kept in their own encrypted cache: they follow the
 * person on this workstation and are gone with their cache ("forget me").
 */
export function inboxPreferenceHandlers({ sessions }: HandlerContext) {
  const db = () => sessions.live().vault.db;
  const read = () => readSetting(db(), KEY, InboxPreferencesSchema) ?? DEFAULT_INBOX_PREFERENCES;
  const write = (next: InboxPreferences) => {
    writeSetting(db(), KEY, next);
    return next;
  };
  const nameFree = (views: readonly SavedView[], name: string, except?: string) => {
    if (views.some((v) => v.id !== except && sameName(v.name, name))) throw new EngineError('conflict', `a saved view is already named ${name}`, 'name');
  };
  const existing = (views: readonly SavedView[], viewId: string) => {
    if (!views.some((v) => v.id === viewId)) throw new EngineError('not-found', `no saved view ${viewId}`, 'viewId');
  };

  return {
    'inbox.preferences': read,
    'inbox.setDensity': ({ density }) => write({ ...read(), density }),
    'inbox.saveView': ({ name, filters }) => {
      const prefs = read();
      nameFree(prefs.views, name);
      if (prefs.views.length >= MAX_SAVED_VIEWS) throw new EngineError('conflict', `at most ${MAX_SAVED_VIEWS} saved views`);
      return write({ ...prefs, views: [...prefs.views, { id: randomUUID(), name, filters }] });
    },
    'inbox.renameView': ({ viewId, name }) => {
      const prefs = read();
      existing(prefs.views, viewId);
      nameFree(prefs.views, name, viewId);
      return write({ ...prefs, views: prefs.views.map((v) => (v.id === viewId ? { ...v, name } : v)) });
    },
    'inbox.deleteView': ({ viewId }) => {
      const prefs = read();
      existing(prefs.views, viewId);
      return write({ ...prefs, views: prefs.views.filter((v) => v.id !== viewId) });
    },
  } satisfies Partial<Handlers>;
}
