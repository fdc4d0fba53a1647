import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { Component, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Where a lazily loaded part of the page (a chunk of its own: see App.tsx) shows: a loader while its code
 * arrives, and a way out if it cannot arrive (a browser host restarted with a new build no longer has the old
 * chunks) or fails to render: a message and a reload, where the whole page would otherwise go blank.
 */
export function LoadBoundary({ children, fullScreen = false }: { children: ReactNode; fullScreen?: boolean }) {
  return (
    <LoadFailedBoundary fullScreen={fullScreen}>
      <Suspense
        fallback={
          <Centered fullScreen={fullScreen}>
            <Loader />
          </Centered>
        }
      >
        {children}
      </Suspense>
    </LoadFailedBoundary>
  );
}

/** The whole screen, or the rest of the area it is in. */
function Centered({ fullScreen, children }: { fullScreen: boolean; children: ReactNode }) {
  return fullScreen ? <Center h="100vh">{children}</Center> : <Center style={{ flex: 1 }}>{children}</Center>;
}

class LoadFailedBoundary extends Component<{ fullScreen: boolean; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <LoadFailed fullScreen={this.props.fullScreen} /> : this.props.children;
  }
}

function LoadFailed({ fullScreen }: { fullScreen: boolean }) {
  const { t } = useTranslation();
  return (
    <Centered fullScreen={fullScreen}>
      <Stack align="center">
        <Alert color="red">
          {t('loadFailed.text')}
        </Alert>
        <Button onClick={() => window.location.reload()}>{t('loadFailed.reload')}</Button>
      </Stack>
    </Centered>
  );
}
