import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_GRANULARITIES, type Report, type ReportQuery } from '../../../../shared/protocol/reports';
import { useChannel } from '../../../lib/api/useChannel';
import { useEvent } from '../../../lib/api/useEvent';
import { errorText } from '../../../lib/errorText';
import { saveFile, toBase64 } from '../../case/attachmentData';
import type { SupervisorData } from '../useSupervisorData';
import { AgentTable, firstDirection } from './AgentTable';
import { ReportCards } from './ReportCards';
import { ReportCharts } from './ReportCharts';
import { FILTER_LABEL, FILTERS, filterOptions, ReportControls, type ReportSettings } from './ReportControls';
import { allowedGranularities, customPeriod, defaultGranularity, localTimeZone, presetPeriod } from './period';
import { reportCsv, reportFileName } from './reportCsv';
import { isEmptyReport, kpiCards, periodLabel, sortAgents, type AgentSort } from './reportFigures';

const DAY = 86_400_000;
const INITIAL: ReportSettings = { preset: 'last7', customFrom: '', customTo: '', granularity: null, compare: true, filters: {} };

/**
 * Reports: the figures of a period the supervisor picks (on their own calendar and time zone), filtered by queue,
 * channel, agent or store, compared with the period before; as cards, charts with their tables, a per-agent
 * table and a CSV of the same. Computed by the hub (asked again when the link comes back); offline it says so.
 */
export function ReportsPanel({ data }: { data: SupervisorData }) {
  const { t, i18n } = useTranslation('reports');
  const lng = i18n.language;
  const timeZone = useMemo(localTimeZone, []);
  const [settings, setSettings] = useState<ReportSettings>(INITIAL);
  const [sort, setSort] = useState<AgentSort>({ column: 'handled', direction: firstDirection('handled') });

  const custom = settings.preset === 'custom' ? customPeriod(settings.customFrom, settings.customTo, timeZone) : null;
  const period = settings.preset === 'custom' ? (custom?.ok ? custom.period : null) : presetPeriod(settings.preset, data.now, timeZone);
  const allowed = period ? allowedGranularities(period) : REPORT_GRANULARITIES;
  const granularity = period && settings.granularity && allowed.includes(settings.granularity) ? settings.granularity : period ? defaultGranularity(period) : 'day';
  const query: ReportQuery | null = period ? { ...settings.filters, from: period.from, to: period.to, granularity, timeZone, compare: settings.compare } : null;
  const answer = useChannel('supervisor.report', query, { refreshOn: () => false });
  useEvent('connection.changed', (c) => {
    if (c.state === 'online') answer.refresh();
  });

  const options = useMemo(() => filterOptions(t, data.org.data), [t, data.org.data]);
  // useChannel keeps its last answer while it asks the next: an answer is shown only for the query it answered
  // (each new answer arrives while its own query is the current one), never for a period or filter changed since.
  const key = JSON.stringify(query);
  const [answered, setAnswered] = useState<{ data: Report | undefined; key: string }>({ data: undefined, key });
  if (answer.data !== answered.data) setAnswered({ data: answer.data, key });
  const report = answer.data && !answer.error && answered.data === answer.data && answered.key === key ? answer.data : null;
  const cards = useMemo(() => (report ? kpiCards(t, lng, report) : []), [report, t, lng]);
  const agents = useMemo(() => (report ? sortAgents(report.agents, sort, lng) : []), [report, sort, lng]);

  const exportCsv = () => {
    if (!report || !query) return;
    const filters = FILTERS.map((key) => ({
      label: t(`filters.${FILTER_LABEL[key]}`),
      value: options[key].find((o) => o.value === settings.filters[key])?.label ?? settings.filters[key] ?? t('filters.all'),
    }));
    const csv = reportCsv({ report, from: query.from, to: query.to, filters, agents, lng, t });
    saveFile(reportFileName(timeZone, query.from, query.to), 'text/csv;charset=utf-8', toBase64(new TextEncoder().encode(csv)));
  };

  return (
    <Stack gap="lg" p="md">
      <Text size="sm" c="dimmed" maw={720}>
        {t('intro')}
      </Text>
      <ReportControls settings={settings} onChange={setSettings} custom={custom} granularity={granularity} allowed={allowed} options={options} />
      {period && (
        <Group justify="space-between" align="center">
          <Text fw={600} data-testid="report-period">
            {t('period.summary', {
              period: periodLabel(lng, timeZone, period.from, period.to),
              days: t('period.days', { count: Math.round((period.to - period.from) / DAY) }),
              timeZone,
            })}
          </Text>
          <Button variant="default" onClick={exportCsv} disabled={!report}>
            {t('csv.export')}
          </Button>
        </Group>
      )}
      {answer.error && (
        <Alert color={answer.error.code === 'offline' ? 'gray' : 'red'} role="alert">
          {answer.error.code === 'offline' ? t('offline') : errorText(t, answer.error)}
        </Alert>
      )}
      {query && !report && !answer.error && (
        <Stack gap="sm" role="status" aria-live="polite">
          <Text c="dimmed">{t('loading')}</Text>
          <Skeleton h={96} />
          <Skeleton h={220} />
        </Stack>
      )}
      {report && (
        <>
          <ReportCards cards={cards} surveysSent={report.current.surveysSent} />
          {isEmptyReport(report) ? (
            <Text c="dimmed" data-testid="report-empty">
              {t('empty')}
            </Text>
          ) : (
            <>
              <ReportCharts report={report} />
              <AgentTable agents={agents} sort={sort} onSort={setSort} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
