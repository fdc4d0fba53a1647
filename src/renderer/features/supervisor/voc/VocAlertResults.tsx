import { BarChart } from '@mantine/charts';
import { Group, SegmentedControl, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { VOC_GRANULARITIES, type Voc, type VocGranularity } from '../../../../shared/protocol';
import { formatDuration, formatNumber } from '../../../lib/format';

/** The results in the order they stack, with their colours: good news at the bottom. */
const RESULTS = [
  { key: 'recovered', color: 'teal.6' },
  { key: 'lost', color: 'red.7' },
  { key: 'noAnswer', color: 'orange.5' },
  { key: 'open', color: 'blue.5' },
  { key: 'unrecorded', color: 'gray.5' },
] as const;

type Figures = Voc['alerts']['total'];

/** Red alerts raised in the period by what came of them, per day or week: a stacked bar chart and the same numbers as a table, with time to acknowledge. */
export function VocAlertResults({ alerts, timeZone, onGranularity }: { alerts: Voc['alerts']; timeZone: string; onGranularity(g: VocGranularity): void }) {
  const { t, i18n } = useTranslation('voc');
  const lng = i18n.language;
  const date = new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone });
  const label = (start: number) => (alerts.granularity === 'week' ? t('alerts.weekOf', { date: date.format(start) }) : date.format(start));
  const ack = (ms: number | null) => (ms === null ? t('alerts.none') : formatDuration(lng, ms));
  const cells = (f: Figures) => (
    <>
      {RESULTS.map((r) => (
        <Table.Td key={r.key}>{formatNumber(lng, f[r.key])}</Table.Td>
      ))}
      <Table.Td>{ack(f.ackMs.p50)}</Table.Td>
      <Table.Td>{ack(f.ackMs.p90)}</Table.Td>
    </>
  );
  const points = alerts.buckets.map((b) => ({ period: label(b.start), ...Object.fromEntries(RESULTS.map((r) => [r.key, b[r.key]])) }));
  return (
    <section aria-labelledby="voc-alerts-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="voc-alerts-title">
          {t('alerts.title')}
        </Title>
        <SegmentedControl
          aria-label={t('alerts.granularity')}
          value={alerts.granularity}
          onChange={(v) => onGranularity(v as VocGranularity)}
          data={VOC_GRANULARITIES.map((g) => ({ value: g, label: t(`alerts.${g}`) }))}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, xl: 2 }}>
        <figure style={{ margin: 0 }} aria-label={t('alerts.chart')}>
          <BarChart
            h={260}
            data={points}
            dataKey="period"
            type="stacked"
            withLegend
            series={RESULTS.map((r) => ({ name: r.key, label: t(`alerts.col.${r.key}`), color: r.color }))}
          />
        </figure>
        <Table striped withTableBorder data-testid="voc-alert-results">
          <Table.Caption>{t('alerts.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('alerts.col.period')}</Table.Th>
              {RESULTS.map((r) => (
                <Table.Th key={r.key} scope="col">
                  {t(`alerts.col.${r.key}`)}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t('alerts.col.ackP50')}</Table.Th>
              <Table.Th scope="col">{t('alerts.col.ackP90')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {alerts.buckets.map((b) => (
              <Table.Tr key={b.start}>
                <Table.Th scope="row">{label(b.start)}</Table.Th>
                {cells(b)}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('alerts.total')}</Table.Th>
              {cells(alerts.total)}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </SimpleGrid>
      {alerts.buckets.length > 0 && alerts.total.recovered + alerts.total.lost + alerts.total.noAnswer + alerts.total.open + alerts.total.unrecorded === 0 && (
        <Text size="sm" mt="xs">
          {t('alerts.empty')}
        </Text>
      )}
    </section>
  );
}
