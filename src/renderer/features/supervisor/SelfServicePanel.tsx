import { Alert, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../lib/api/useChannel';
import { useEvent } from '../../lib/api/useEvent';
import { errorText } from '../../lib/errorText';
import { formatNumber, formatPercent } from '../../lib/format';
import { selfServiceFigures } from './selfServiceFigures';
import { startOfDay, type SupervisorData } from './useSupervisorData';

/** How often the figures are asked again while the panel shows (the hub does not push them). */
export const SELF_SERVICE_REFRESH_MS = 60_000;

type Period = 'today' | 'week';

/** Where a period starts: midnight today, or midnight six days ago (the last seven days, today included). */
function periodStart(period: Period, now: number): number {
  const day = new Date(startOfDay(now));
  if (period === 'week') day.setDate(day.getDate() - 6);
  return day.getTime();
}

/**
 * Self-service: per queue, the questions the web chat's articles answered, the web chat conversations that
 * reached the queue anyway, and the deflection rate (answered / (answered + conversations)); and the articles
 * that answered most. Asked of the hub (it keeps the counts): every minute while shown, and when the link comes
 * back; offline it says it needs the hub.
 */
export function SelfServicePanel({ data }: { data: SupervisorData }) {
  const { t, i18n } = useTranslation('supervisor');
  const lng = i18n.language;
  const [period, setPeriod] = useState<Period>('today');
  const since = periodStart(period, data.now);
  const answer = useChannel('supervisor.selfService', { since }, { refreshOn: () => false });
  const refresh = useRef(answer.refresh);
  useEffect(() => {
    refresh.current = answer.refresh;
  });
  useEffect(() => {
    const timer = setInterval(() => refresh.current(), SELF_SERVICE_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  useEvent('connection.changed', (c) => {
    if (c.state === 'online') refresh.current();
  });

  const queues = data.org.data?.queues;
  const figures = useMemo(() => (answer.data ? selfServiceFigures(answer.data, queues ?? []) : null), [answer.data, queues]);
  const number = (n: number) => formatNumber(lng, n);
  const share = (r: number | null) => (r === null ? t('queues.none') : formatPercent(lng, r * 100));

  return (
    <Stack gap="lg" p="md">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={640}>
          {t('selfService.intro')}
        </Text>
        <SegmentedControl
          aria-label={t('selfService.period')}
          value={period}
          onChange={(v) => setPeriod(v as Period)}
          data={[
            { value: 'today', label: t('selfService.today') },
            { value: 'week', label: t('selfService.week') },
          ]}
        />
      </Group>
      {answer.error && (
        <Alert color={answer.error.code === 'offline' ? 'gray' : 'red'} role="alert">
          {answer.error.code === 'offline' ? t('selfService.offline') : errorText(t, answer.error)}
        </Alert>
      )}
      {figures === null ? (
        !answer.error && <Text c="dimmed">{t('selfService.loading')}</Text>
      ) : (
        <>
          <Table striped withTableBorder data-testid="self-service-queues">
            <Table.Caption>{t('selfService.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {(['queue', 'answered', 'conversations', 'rate'] as const).map((k) => (
                  <Table.Th key={k} scope="col">
                    {t(`selfService.col.${k}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {figures.perQueue.map((q) => (
                <Table.Tr key={q.queueId} data-queue={q.queueId}>
                  <Table.Th scope="row">{q.name}</Table.Th>
                  <Table.Td>{number(q.answered)}</Table.Td>
                  <Table.Td>{number(q.conversations)}</Table.Td>
                  <Table.Td>{share(q.rate)}</Table.Td>
                </Table.Tr>
              ))}
              {figures.perQueue.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed">
                      {t('selfService.none')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
            {figures.perQueue.length > 1 && (
              <Table.Tfoot>
                <Table.Tr data-queue="all">
                  <Table.Th scope="row">{t('selfService.allQueues')}</Table.Th>
                  <Table.Td>{number(figures.total.answered)}</Table.Td>
                  <Table.Td>{number(figures.total.conversations)}</Table.Td>
                  <Table.Td>{share(figures.total.rate)}</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            )}
          </Table>
          <Stack gap="xs" component="section" aria-labelledby="self-service-top-title">
            <Title order={3} size="h5" id="self-service-top-title">
              {t('selfService.topTitle')}
            </Title>
            {figures.top.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('selfService.noArticles')}
              </Text>
            ) : (
              <Table striped withTableBorder data-testid="self-service-articles" aria-labelledby="self-service-top-title">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('selfService.col.article')}</Table.Th>
                    <Table.Th scope="col">{t('selfService.col.answered')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {figures.top.map((a) => (
                    <Table.Tr key={a.articleId} data-article={a.articleId}>
                      <Table.Th scope="row">{a.title}</Table.Th>
                      <Table.Td>{number(a.count)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}
