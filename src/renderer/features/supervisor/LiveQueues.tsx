import { Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration, formatNumber, formatPercent } from '../../lib/format';
import { QueueCharts } from './QueueCharts';
import { queueFigures } from './queueFigures';
import type { SupervisorData } from './useSupervisorData';

/** Every queue's live figures in one table (numbers people compare across rows), and the day's charts. */
export function LiveQueues({ data }: { data: SupervisorData }) {
  const { t, i18n } = useTranslation('supervisor');
  const lng = i18n.language;
  const { dashboard, org, now } = data;
  const figures = useMemo(
    () => queueFigures(org.data?.queues ?? [], org.data?.staff ?? [], dashboard.data?.cases ?? [], dashboard.data?.csat ?? [], now),
    [org.data, dashboard.data, now],
  );
  const none = t('queues.none');
  return (
    <Stack gap="lg" p="md">
      <Table striped withTableBorder data-testid="queue-figures">
        <Table.Caption>{t('queues.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {(['queue', 'waiting', 'longestWait', 'atRisk', 'breached', 'agents', 'csat', 'negative'] as const).map((k) => (
              <Table.Th key={k} scope="col">
                {t(`queues.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {figures.map((f) => (
            <Table.Tr key={f.queueId} data-queue={f.queueId}>
              <Table.Th scope="row">{f.name}</Table.Th>
              <Table.Td data-testid="waiting">{formatNumber(lng, f.waiting)}</Table.Td>
              <Table.Td>{f.longestWaitMs === null ? none : formatDuration(lng, f.longestWaitMs)}</Table.Td>
              <Table.Td>{formatNumber(lng, f.atRisk)}</Table.Td>
              <Table.Td>
                <Text span fw={f.breached ? 700 : undefined} c={f.breached ? 'red.9' : undefined} inherit>
                  {formatNumber(lng, f.breached)}
                </Text>
              </Table.Td>
              <Table.Td>{t('queues.agentsValue', { online: f.online, busy: f.busy, away: f.away })}</Table.Td>
              <Table.Td>
                {f.csatAverage === null
                  ? none
                  : t('queues.csatValue', { score: formatNumber(lng, f.csatAverage, { maximumFractionDigits: 1 }), count: f.csatCount })}
              </Table.Td>
              <Table.Td>{f.negativeShare === null ? none : formatPercent(lng, f.negativeShare * 100)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <QueueCharts data={data} />
    </Stack>
  );
}
