import { Button, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/api/useApi';
import { useChannel } from '../../lib/api/useChannel';
import { formatDateTime } from '../../lib/format';

/** The red alerts of a case (low survey score, very negative message), to acknowledge from the case itself. */
export function CaseAlertModal({ caseId, opened, onClose }: { caseId: string; opened: boolean; onClose(): void }) {
  const { t, i18n } = useTranslation('case');
  const api = useApi();
  const alerts = useChannel('alert.list', opened ? {} : null, { refreshOn: (c) => c.entities.alert !== undefined });
  const mine = (alerts.data ?? []).filter((a) => a.caseId === caseId);
  return (
    <Modal opened={opened} onClose={onClose} title={t('alert.title')}>
      <Stack gap="sm">
        {mine.length === 0 ? <Text size="sm">{t('alert.none')}</Text> : null}
        {mine.map((a) => (
          <Stack key={a.id} gap={4}>
            <Text size="sm" fw={600}>
              {t(`alert.reason.${a.reason}`, { score: a.score ?? '' })}
            </Text>
            {a.comment ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.comment}</Text> : null}
            <Text size="xs" c="dimmed">
              {t('alert.status', { status: t(`alert.statusName.${a.status}`), when: formatDateTime(i18n.language, a.raisedAt) })}
            </Text>
            {a.status === 'raised' ? (
              <Button size="xs" onClick={() => void api.invoke('alert.acknowledge', { alertId: a.id })}>
                {t('alert.acknowledge')}
              </Button>
            ) : null}
          </Stack>
        ))}
      </Stack>
    </Modal>
  );
}
