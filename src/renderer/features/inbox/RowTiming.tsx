import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/domain';
import { SlaCountdown } from '../../components/SlaCountdown';
import { formatDuration } from '../../lib/format';
import { waitingOn } from './waitingOn';

/**
 * How long the case has waited and on whom, and its reply deadline: on every row, so the order (replies due
 * first) reads at a glance. A case waiting on the customer has no deadline, and says so.
 */
export function RowTiming({ c, now }: { c: Case; now: number }) {
  const { t, i18n } = useTranslation('inbox');
  const waiting = waitingOn(c);
  const time = formatDuration(i18n.language, Math.max(0, now - waiting.since));
  return (
    <>
      <Text size="xs" c="dimmed" style={{ flexShrink: 0, whiteSpace: 'nowrap' }} data-testid="waiting" data-waiting-on={waiting.on}>
        {waiting.on === 'us' ? t('row.waiting', { time }) : t('row.theirTurn', { time })}
      </Text>
      <span data-testid="sla" style={{ flexShrink: 0, display: 'inline-flex' }}>
        {waiting.on === 'us' ? (
          <SlaCountdown sla={c} now={now} />
        ) : (
          <Text span size="xs" c="dimmed" role="img" aria-label={t('row.noReplyDue')}>
            —
          </Text>
        )}
      </span>
    </>
  );
}
