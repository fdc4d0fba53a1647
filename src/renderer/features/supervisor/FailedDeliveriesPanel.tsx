import { Badge, Button, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../lib/api/useApi';
import { formatWhen } from '../../lib/format';
import { deliveryStage, refusedRetry } from '../case/deliveryStage';
import type { FailedDelivery } from './supervisorTypes';
import type { SupervisorData } from './useSupervisorData';

const COLUMNS = ['case', 'customer', 'channel', 'reason', 'when', 'author', 'actions'] as const;

/**
 * Messages that could not be delivered, on every case, newest first: the case, the customer, the channel (and
 * whether it was a reply or a survey), why it failed, when, and who wrote it, with Retry (a real new attempt).
 * A retry waiting in the outbox, or refused by the hub, says so on its row.
 */
export function FailedDeliveriesPanel({ failed, data, onOpenCase }: { failed: readonly FailedDelivery[]; data: SupervisorData; onOpenCase(caseId: string): void }) {
  const { t, i18n } = useTranslation('supervisor');
  const api = useApi();
  const staffName = new Map((data.org.data?.staff ?? []).map((s) => [s.id, s.name]));

  return (
    <Stack p="md">
      <Table striped withTableBorder data-testid="failed-deliveries">
        <Table.Caption>{t('deliveries.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((k) => (
              <Table.Th key={k} scope="col">
                {t(`deliveries.col.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {failed.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS.length}>
                <Text size="sm">{t('deliveries.none')}</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {failed.map(({ delivery: d, caseSubject, customerName }) => {
            const name = customerName ?? t('unknownCustomer');
            const refused = refusedRetry(d);
            return (
              <Table.Tr key={d.id} data-delivery={d.id}>
                <Table.Th scope="row">
                  <UnstyledButton td="underline" onClick={() => onOpenCase(d.caseId)}>
                    {caseSubject ?? d.caseId}
                  </UnstyledButton>
                </Table.Th>
                <Table.Td>{name}</Table.Td>
                <Table.Td>
                  {t(`channel.${d.channel}`, { ns: 'common' })} · {t(`deliveries.purpose.${d.purpose}`)}
                </Table.Td>
                <Table.Td>
                  {d.lastError ?? t('deliveries.noReason')}
                  {refused && <Text size="xs">{t('deliveries.refused', { reason: t(`reason.${refused.reason ?? 'internal'}`) })}</Text>}
                </Table.Td>
                <Table.Td>{formatWhen(i18n.language, d.updatedAt, data.now)}</Table.Td>
                <Table.Td>{d.authorId === null ? t('deliveries.system') : (staffName.get(d.authorId) ?? d.authorId)}</Table.Td>
                <Table.Td>
                  {deliveryStage(d) === 'failed' ? (
                    <Button size="compact-sm" aria-label={t('deliveries.retryFor', { name })} onClick={() => void api.invoke('delivery.retry', { deliveryId: d.id })}>
                      {t('deliveries.retry')}
                    </Button>
                  ) : (
                    <Badge variant="outline" color="yellow.9">
                      {t('deliveries.waiting')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
