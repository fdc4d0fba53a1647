import { Alert, CloseButton, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/domain';
import { bulkOutcome, type CaseOutcome, type NotMoved } from './bulkOutcome';
import type { TrackedMove } from './useTrackedMoves';

const notMoved = (o: CaseOutcome): o is NotMoved => !o.moved;

/** Each move sent from the console: waiting for the server, refused, or how many cases landed and why the others did not. */
export function MoveOutcomes({
  moves,
  casesById,
  nameOf,
  onDismiss,
}: {
  moves: readonly TrackedMove[];
  casesById: ReadonlyMap<string, Case>;
  nameOf(caseId: string): string;
  onDismiss(mutationId: string): void;
}) {
  const { t } = useTranslation('supervisor');
  if (!moves.length) return null;
  return (
    <Stack gap="xs" aria-label={t('outcome.region')} role="region">
      {moves.map((m) => {
        const dismiss = <CloseButton aria-label={t('outcome.dismiss')} onClick={() => onDismiss(m.mutationId)} />;
        if (m.state === 'pending') {
          return (
            <Alert key={m.mutationId} color="yellow" role="status" data-testid="move-outcome" styles={{ message: { color: 'var(--mantine-color-text)' } }}>
              <Group justify="space-between">
                <Text size="sm">{t('outcome.pending', { count: m.caseIds.length })}</Text>
                {dismiss}
              </Group>
            </Alert>
          );
        }
        if (m.state === 'refused') {
          return (
            <Alert key={m.mutationId} color="red" role="alert" data-testid="move-outcome">
              <Group justify="space-between">
                <Text size="sm">{t('outcome.refused', { reason: t(`reason.${m.reason ?? 'internal'}`) })}</Text>
                {dismiss}
              </Group>
            </Alert>
          );
        }
        const outcome = bulkOutcome(m.caseIds, m.to, casesById, m.failed);
        const failed = outcome.filter(notMoved);
        return (
          <Alert key={m.mutationId} color={failed.length ? 'orange' : 'teal'} role="status" data-testid="move-outcome" styles={{ message: { color: 'var(--mantine-color-text)' } }}>
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {t('outcome.done', { moved: outcome.length - failed.length, count: outcome.length })}
                </Text>
                {failed.length > 0 && (
                  <List size="sm">
                    {failed.map((o) => (
                      <List.Item key={o.caseId}>
                        {t('outcome.failed', { name: nameOf(o.caseId), id: o.caseId, reason: o.from === 'hub' ? t(`reason.${o.reason}`) : t(`outcome.reason.${o.reason}`) })}
                        {o.from === 'hub' && o.message ? (
                          <Text size="xs" c="dimmed">
                            {o.message}
                          </Text>
                        ) : null}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Stack>
              {dismiss}
            </Group>
          </Alert>
        );
      })}
    </Stack>
  );
}
