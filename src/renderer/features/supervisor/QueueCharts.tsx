import { AreaChart, BarChart } from '@mantine/charts';
import { Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { memo, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../lib/format';
import { dayTimeline } from './dayTimeline';
import type { SupervisorData } from './useSupervisorData';

const ALL = '';

/** Waiting cases and CSAT hour by hour today, for one queue or all: a shape people see faster than they read a table. */
export function QueueCharts({ data }: { data: SupervisorData }) {
  const { t, i18n } = useTranslation('supervisor');
  const [queueId, setQueueId] = useState(ALL);
  const { dashboard, org, since, now } = data;
  // Hourly points move once a minute at most: recomputing on every one-second tick would redraw the charts for nothing.
  const minute = Math.floor(now / 60_000);
  const points = useMemo(
    () =>
      dayTimeline(
        (dashboard.data?.cases ?? []).map((c) => c.case),
        dashboard.data?.csat ?? [],
        queueId || null,
        since,
        minute * 60_000 + 59_999,
      ).map((p) => ({ hour: formatTime(i18n.language, p.at), waiting: p.waiting, csat: p.csat })),
    [dashboard.data, queueId, since, minute, i18n.language],
  );
  // Most changes (a message, a case moving between agents) leave the hourly figures as they were: the charts,
  // the costliest part of the console to draw, are drawn again only when a figure moved.
  const drawn = useRef(points);
  if (!samePoints(drawn.current, points)) drawn.current = points;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h5">
          {t('charts.title')}
        </Title>
        <NativeSelect
          label={t('charts.queue')}
          value={queueId}
          onChange={(e) => setQueueId(e.currentTarget.value)}
          data={[{ value: ALL, label: t('charts.allQueues') }, ...(org.data?.queues ?? []).map((q) => ({ value: q.id, label: q.name }))]}
        />
      </Group>
      <HourCharts points={drawn.current} />
    </Stack>
  );
}

type ChartPoint = { hour: string; waiting: number; csat: number | null };

const samePoints = (a: readonly ChartPoint[], b: readonly ChartPoint[]) =>
  a.length === b.length && a.every((p, i) => p.hour === b[i].hour && p.waiting === b[i].waiting && p.csat === b[i].csat);

/** The two charts, drawn only when their points change. */
const HourCharts = memo(function HourCharts({ points }: { points: ChartPoint[] }) {
  const { t } = useTranslation('supervisor');
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <figure style={{ margin: 0 }}>
        <Text component="figcaption" fw={600} size="sm" mb="xs">
          {t('charts.waiting')}
        </Text>
        <AreaChart h={220} data={points} dataKey="hour" series={[{ name: 'waiting', label: t('charts.waitingSeries'), color: 'indigo.6' }]} curveType="step" />
      </figure>
      <figure style={{ margin: 0 }}>
        <Text component="figcaption" fw={600} size="sm" mb="xs">
          {t('charts.csat')}
        </Text>
        <BarChart h={220} data={points} dataKey="hour" yAxisProps={{ domain: [0, 10] }} series={[{ name: 'csat', label: t('charts.csatSeries'), color: 'teal.6' }]} />
      </figure>
    </SimpleGrid>
  );
});
