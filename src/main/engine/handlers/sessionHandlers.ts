import type { Handlers, HandlerContext } from './handlerTypes';

/** Workstation, sign-in and session channels. */
export function sessionHandlers({ sessions, vault, hubUrl, noteActivity }: HandlerContext) {
  const state = () => sessions.state();
  return {
    'workstation.info': () => {
      const s = state();
      return {
        people: vault.listPeople().map(({ name, username }) => ({ name, username })),
        hubUrl,
        connection: s.kind === 'signed-in' ? s.live.connection() : 'offline',
        session: s.kind,
        locked: s.kind === 'locked' ? { name: s.name, reason: s.reason } : null,
        readiness: s.kind === 'signed-in' ? s.live.readiness() : null,
      };
    },
    'auth.signIn': async (input) => {
      const view = await sessions.signIn(input);
      noteActivity();
      return view;
    },
    'auth.unlock': async ({ password }) => {
      const view = await sessions.unlock(password);
      noteActivity();
      return view;
    },
    'auth.lock': async () => {
      await sessions.lock('manual');
      return {};
    },
    'auth.signOut': ({ force }) => sessions.signOut(force),
    'auth.forget': ({ force }) => sessions.forget(force),
    'auth.changePassword': ({ currentPassword, newPassword }) => sessions.changePassword(currentPassword, newPassword),
    'session.recoverOldCache': ({ password }) => sessions.recoverOldCache(password),
    'session.discardOldCache': async () => {
      await sessions.discardOldCache();
      return {};
    },
    'session.current': () => {
      const s = state();
      return s.kind === 'signed-in' ? s.live.view() : null;
    },
    'session.activity': () => {
      noteActivity();
      return {};
    },
  } satisfies Partial<Handlers>;
}
