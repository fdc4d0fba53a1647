import { Center, Loader, MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import type { i18n as I18n } from 'i18next';
import { lazy, useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { WorkstationApi } from '../shared/ipc/contract';
import { LoadBoundary } from './components/LoadBoundary';
import { ForcedPasswordChange } from './features/auth/ForcedPasswordChange';
import { LockScreen } from './features/auth/LockScreen';
import { SignInScreen } from './features/auth/SignInScreen';
import { useSessionState } from './features/auth/useSessionState';
import { ApiContext } from './lib/api/ApiContext';
import { cssVariablesResolver, theme } from './theme';

/**
 * The signed-in workspace is a chunk of its own, so the sign-in screen paints before the workspace's code
 * (inbox, case view, and in their own chunks the supervisor console and administration) has arrived. Fetched
 * as soon as the sign-in or unlock screen shows, so signing in rarely waits for it.
 */
export const loadWorkstation = () => import('./features/shell/Workstation');
const Workstation = lazy(() => loadWorkstation().then((m) => ({ default: m.Workstation })));

// The theme choice belongs to the workstation (like the language), not to a person's encrypted cache.
const colorSchemeManager = localStorageColorSchemeManager({ key: 'workstation.color-scheme' });

/** The renderer: providers around the screen the session calls for. */
export function App({ api, i18n }: { api: WorkstationApi; i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ApiContext value={api}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
          <SessionScreen />
        </MantineProvider>
      </ApiContext>
    </I18nextProvider>
  );
}

/** The screen the session calls for: sign-in, lock, the forced password change, or the workstation. */
export function SessionScreen() {
  const { state, signedIn, signedOut, reload } = useSessionState();
  const waitingForSignIn = state.phase === 'signed-out' || state.phase === 'locked';
  useEffect(() => {
    // A failed fetch here is not the person's concern: the workspace's own load fails visibly if it persists.
    if (waitingForSignIn) loadWorkstation().catch(() => undefined);
  }, [waitingForSignIn]);
  switch (state.phase) {
    case 'starting':
      return (
        <Center h="100vh">
          <Loader />
        </Center>
      );
    case 'signed-out':
      return <SignInScreen onSignedIn={signedIn} ended={state.ended} />;
    case 'locked':
      return <LockScreen onUnlocked={signedIn} />;
    case 'signed-in':
      // Nothing of the work shows until a password an admin set is replaced.
      if (state.session.mustChangePassword) return <ForcedPasswordChange onChanged={() => void reload()} onSignedOut={signedOut} />;
      // Keyed by person: nothing of one person's screen state survives into the next one's session.
      return (
        <LoadBoundary fullScreen>
          <Workstation key={state.session.staff.id} session={state.session} onSignedOut={signedOut} />
        </LoadBoundary>
      );
  }
}
