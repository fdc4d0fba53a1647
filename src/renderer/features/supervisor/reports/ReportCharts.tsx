import { BarChart, LineChart } from '@mantine/charts';
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../../../shared/protocol/reports';
import { FigureTable } from './FigureTable';
import { channelColumns, channelRows, distributionColumns, distributionRows, seriesColumns, seriesRows } from './reportFigures';

const CHART_HEIGHT = 220;

/** A chart with its caption; the same numbers are in the table that follows it. */
function Chart({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <figure style={{ margin: 0 }}>
      <Text component="figcaption" fw={600} size="sm" mb="xs">
        {caption}
      </Text>
      {children}
    </figure>
  );
}

/**
 * The period's shape: cases created and resolved, CSAT and the share of negative customers per bucket (labelled
 * in the supervisor's zone and language), the 1-10 answers and the volumes by channel, each followed by a table
 * of the same numbers.
 */
export function ReportCharts({ report }: { report: Report }) {
  const { t, i18n } = useTranslation('reports');
  const lng = i18n.language;
  const series = seriesRows(lng, report);
  // Shares as percentages: the axis then reads 0..100 like the cards.
  const points = series.map((b) => ({ ...b, negativePercent: b.negativeShare === null ? null : Math.round(b.negativeShare * 1000) / 10 }));
  const distribution = distributionRows(report);
  const channels = channelRows(t, report);
  return (
    <Stack gap="lg">
      <Stack gap="sm" component="section" aria-labelledby="report-series-title">
        <Title order={3} size="h5" id="report-series-title">
          {t('series.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, lg: 3 }}>
          <Chart caption={t('series.volume')}>
            <BarChart
              h={CHART_HEIGHT}
              data={points}
              dataKey="label"
              withLegend
              series={[
                { name: 'created', label: t('series.created'), color: 'indigo.6' },
                { name: 'resolved', label: t('series.resolved'), color: 'teal.6' },
              ]}
            />
          </Chart>
          <Chart caption={t('series.csat')}>
            <LineChart h={CHART_HEIGHT} data={points} dataKey="label" connectNulls={false} yAxisProps={{ domain: [0, 10] }} series={[{ name: 'csatAverage', label: t('series.csatAverage'), color: 'teal.6' }]} />
          </Chart>
          <Chart caption={t('series.negative')}>
            <LineChart h={CHART_HEIGHT} data={points} dataKey="label" unit="%" connectNulls={false} yAxisProps={{ domain: [0, 100] }} series={[{ name: 'negativePercent', label: t('series.negativeShare'), color: 'red.7' }]} />
          </Chart>
        </SimpleGrid>
        <FigureTable caption={t('series.title')} columns={seriesColumns(t, lng)} rows={series} testId="report-series" />
      </Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Stack gap="sm" component="section" aria-labelledby="report-distribution-title">
          <Title order={3} size="h5" id="report-distribution-title">
            {t('distribution.title')}
          </Title>
          <Chart caption={t('distribution.title')}>
            <BarChart h={CHART_HEIGHT} data={distribution} dataKey="score" series={[{ name: 'answers', label: t('distribution.answers'), color: 'teal.6' }]} />
          </Chart>
          <FigureTable caption={t('distribution.title')} columns={distributionColumns(t, lng)} rows={distribution} testId="report-distribution" />
        </Stack>
        <Stack gap="sm" component="section" aria-labelledby="report-channels-title">
          <Title order={3} size="h5" id="report-channels-title">
            {t('channels.title')}
          </Title>
          <Chart caption={t('channels.title')}>
            <BarChart
              h={CHART_HEIGHT}
              data={channels}
              dataKey="label"
              withLegend
              series={[
                { name: 'inbound', label: t('channels.inbound'), color: 'indigo.6' },
                { name: 'outbound', label: t('channels.outbound'), color: 'teal.6' },
                { name: 'casesCreated', label: t('channels.casesCreated'), color: 'orange.6' },
              ]}
            />
          </Chart>
          <FigureTable caption={t('channels.title')} columns={channelColumns(t, lng)} rows={channels} testId="report-channels" />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
