import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatNumber, formatPercent, formatTime } from '../../lib/format';
import { linkState, type LinkState } from './linkState';
import type { ConnectionInfo, OfflineReadiness, SyncProgress } from './useConnection';

const LINK_COLORS = { live: 'teal', 'catching-up': 'yellow', offline: 'red' } as const;

/** "Connection: Live", "Connection: Catching up (42%)", "Connection: Offline since 14:32". */
function linkText(t: TFunction<'shell'>, lng: string, link: LinkState): string {
  switch (link.kind) {
    case 'live':
      return t('link.live');
    case 'catching-up':
      return link.percent === null ? t('link.catchingUp') : t('link.catchingUpPercent', { percent: formatPercent(lng, link.percent) });
    case 'offline':
      return t(link.reconnecting ? 'link.reconnecting' : 'link.offline', { time: formatTime(lng, link.since) });
  }
}

interface Props {
  /** Null until the engine told it. */
  connection: ConnectionInfo | null;
  progress: SyncProgress | null;
  /** Whether the person's cases are here whole for offline work; null while unknown (nothing shown). */
  readiness: OfflineReadiness | null;
  /** False after an offline sign-in with no hub session kept here: the link cannot come back by itself. */
  reconnects: boolean;
}

/**
 * Bottom bar: the link (labelled "Connection", apart from the person's own status in the header), unsent work,
 * readiness for offline work, and the sync's progress while it runs.
 */
export function StatusBar({ connection, progress, readiness, reconnects }: Props) {
  const { t, i18n } = useTranslation('shell');
  const lng = i18n.language;
  const link = connection && linkState(connection, progress);
  return (
    <Group component="footer" justify="space-between" px="md" py={4} gap="md" wrap="nowrap" role="status" aria-live="polite" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group gap="md" wrap="nowrap">
        {connection && link && (
          <>
            <Group gap={6} wrap="nowrap" data-connection={connection.state} data-link={link.kind} data-testid="link">
              <span aria-hidden style={{ width: 10, height: 10, borderRadius: 5, background: `var(--mantine-color-${LINK_COLORS[link.kind]}-6)` }} />
              <Text size="sm">{linkText(t, lng, link)}</Text>
            </Group>
            <Text size="sm" data-testid="unsent">
              {t('unsent', { count: connection.unsent, n: formatNumber(lng, connection.unsent) })}
            </Text>
          </>
        )}
        {readiness && (
          <Text size="sm" data-testid="offline-readiness" data-ready={readiness.ready}>
            {readiness.ready ? t('offline.ready') : t('offline.notReady', { percent: formatPercent(lng, readiness.percent) })}
          </Text>
        )}
        {!reconnects && (
          <Text size="sm" fw={600}>
            {t('noReconnect')}
          </Text>
        )}
      </Group>
      {progress && (
        <Group gap="xs" wrap="nowrap" w={280}>
          <Text size="sm">{t(`syncPhase.${progress.phase}`)}</Text>
          <Progress
            value={progress.percent}
            flex={1}
            aria-label={t('syncProgress', { percent: formatPercent(lng, progress.percent) })}
          />
          <Text size="sm">{formatPercent(lng, progress.percent)}</Text>
        </Group>
      )}
    </Group>
  );
}
