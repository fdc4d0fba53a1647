import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent, formatWhen } from '../../lib/format';
import { useNow } from '../../lib/useNow';
import type { ConnectionInfo, OfflineReadiness, SyncProgress } from './useConnection';

const STATE_COLORS = { online: 'teal', offline: 'red', reconnecting: 'yellow' } as const;

interface Props {
  connection: ConnectionInfo;
  progress: SyncProgress | null;
  /** Whether the person's cases are here whole for offline work; null while unknown (nothing shown). */
  readiness: OfflineReadiness | null;
  /** False after an offline sign-in with no hub session kept here: the link cannot come back by itself. */
  reconnects: boolean;
}

/** Bottom bar: link state, unsent work, last sync, readiness for offline work, and the sync's progress while it runs. */
export function StatusBar({ connection, progress, readiness, reconnects }: Props) {
  const { t, i18n } = useTranslation('shell');
  const now = useNow();
  const lng = i18n.language;
  return (
    <Group component="footer" justify="space-between" px="md" py={4} gap="md" wrap="nowrap" role="status" aria-live="polite" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group gap="md" wrap="nowrap">
        <Group gap={6} wrap="nowrap" data-connection={connection.state}>
          <span aria-hidden style={{ width: 10, height: 10, borderRadius: 5, background: `var(--mantine-color-${STATE_COLORS[connection.state]}-6)` }} />
          <Text size="sm">{t(`connection.${connection.state}`)}</Text>
        </Group>
        <Text size="sm" data-testid="unsent">
          {t('unsent', { count: connection.unsent, n: formatNumber(lng, connection.unsent) })}
        </Text>
        <Text size="sm">
          {connection.lastSyncAt === null ? t('neverSynced') : t('lastSync', { when: formatWhen(lng, connection.lastSyncAt, now) })}
        </Text>
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
