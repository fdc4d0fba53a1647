import { Box, Button, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFollowNewest } from './useFollowNewest';

/** A few lines of the conversation stay in view however short the window. */
const MIN_HEIGHT_PX = 64;

/**
 * The part of the case pane that scrolls on its own (the brief above the timeline), so the composer and the tone
 * hint stay on screen below and beside it. It opens at the newest entry and follows new ones while the agent is
 * at the bottom; one reading further up gets a "New messages" button instead of being moved.
 */
export function TimelineScroll({ newestKey, follow, children }: { newestKey: string | null; follow: boolean; children: ReactNode }) {
  const { t } = useTranslation('case');
  const { ref, onScroll, unseen, jumpToNewest } = useFollowNewest(newestKey, follow);
  return (
    <Box pos="relative" style={{ flex: '1 1 0', minHeight: MIN_HEIGHT_PX, display: 'flex', flexDirection: 'column' }}>
      <Box
        ref={ref}
        onScroll={onScroll}
        // Focusable, so the history can be scrolled with the keyboard (and axe's scrollable-region rule holds).
        tabIndex={0}
        role="region"
        aria-label={t('timeline.scrollRegion')}
        data-testid="case-scroll"
        px="md"
        py="xs"
        style={{ flex: 1, minHeight: 0, overflowY: 'auto', overscrollBehavior: 'contain' }}
      >
        <Stack gap="md">{children}</Stack>
      </Box>
      <Box aria-live="polite" pos="absolute" bottom={8} left={0} right={0} style={{ display: 'flex', justifyContent: 'center', pointerEvents: 'none' }}>
        {unseen ? (
          <Button size="compact-sm" radius="xl" onClick={jumpToNewest} style={{ pointerEvents: 'auto', boxShadow: 'var(--mantine-shadow-md)' }}>
            {t('timeline.newMessages')}
          </Button>
        ) : null}
      </Box>
    </Box>
  );
}
