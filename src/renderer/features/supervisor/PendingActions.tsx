import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/api/useApi';
import { useChannel } from '../../lib/api/useChannel';

const isConsoleAction = (type: string) => type.startsWith('supervisor.') || type.startsWith('alert.');

/**
 * Console actions the hub has not accepted yet (they wait in the outbox, offline too) and those it refused,
 * with the reason and a way to retry or drop them: nothing is dropped silently.
 */
export function PendingActions() {
  const { t } = useTranslation('supervisor');
  const api = useApi();
  const outbox = useChannel('outbox.list', {}, { refreshOn: (c) => c.outbox });
  const mine = (outbox.data ?? []).filter((e) => isConsoleAction(e.mutation.type));
  const waiting = mine.filter((e) => e.state === 'pending' || e.state === 'sending');
  const refused = mine.filter((e) => e.state === 'rejected');
  if (!waiting.length && !refused.length) return null;
  return (
    <Stack gap="xs" px="md" pt="xs">
      {waiting.length > 0 && (
        <Alert color="yellow" role="status" title={t('pending.title')} styles={{ message: { color: 'var(--mantine-color-text)' } }}>
          {t('pending.count', { count: waiting.length })}
        </Alert>
      )}
      {refused.map((e) => (
        <Alert key={e.mutationId} color="red" role="alert" title={t('pending.refused', { action: t(`pending.type.${e.mutation.type}`) })}>
          <Text size="sm">{t(`reason.${e.reason ?? 'internal'}`)}</Text>
          <Group gap="xs" mt="xs">
            <Button size="compact-sm" onClick={() => void api.invoke('outbox.retry', { mutationId: e.mutationId })}>
              {t('pending.retry')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={() => void api.invoke('outbox.discard', { mutationId: e.mutationId })}>
              {t('pending.discard')}
            </Button>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
