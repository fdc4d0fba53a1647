/**
 * A report as people read it: every figure the Reports screen shows, formatted once, in the UI language and the
 * supervisor's time zone. The screen and its CSV export both take their text from here, so the file says exactly
 * what the screen says (and the end-to-end journey compares the two by the cards' stable keys).
 */
import type { TFunction } from 'i18next';
import type { Channel } from '../../../../shared/domain';
import type { Report, ReportFigures, ReportGranularity } from '../../../../shared/protocol/reports';
import { formatDuration, formatNumber, formatPercent } from '../../../lib/format';

/** How a figure reads: a count, a length of time (ms), a share (0..1) or a 1..10 score average. */
export type FigureKind = 'count' | 'duration' | 'share' | 'score';

interface KpiDefinition {
  key: string;
  kind: FigureKind;
  /** Which way is good news (null: neither, e.g. more cases created). */
  better: 'up' | 'down' | null;
  read(f: ReportFigures): number | null;
}

/** The cards, in the order shown; `key` is their stable name (data-testid `kpi-<key>`, the CSV's key column). */
export const KPIS: readonly KpiDefinition[] = [
  { key: 'created', kind: 'count', better: null, read: (f) => f.cases.created },
  { key: 'resolved', kind: 'count', better: 'up', read: (f) => f.cases.resolved },
  { key: 'firstResponseP50', kind: 'duration', better: 'down', read: (f) => f.firstResponseMs.p50 },
  { key: 'firstResponseP90', kind: 'duration', better: 'down', read: (f) => f.firstResponseMs.p90 },
  { key: 'nextResponseP50', kind: 'duration', better: 'down', read: (f) => f.nextResponseMs.p50 },
  { key: 'nextResponseP90', kind: 'duration', better: 'down', read: (f) => f.nextResponseMs.p90 },
  { key: 'resolutionP50', kind: 'duration', better: 'down', read: (f) => f.resolutionMs.p50 },
  { key: 'resolutionP90', kind: 'duration', better: 'down', read: (f) => f.resolutionMs.p90 },
  { key: 'slaAttainment', kind: 'share', better: 'up', read: (f) => f.slaAttainment },
  { key: 'csatAverage', kind: 'score', better: 'up', read: (f) => f.csat.average },
  { key: 'csatAnswers', kind: 'count', better: 'up', read: (f) => f.csat.answers },
  { key: 'csatResponseRate', kind: 'share', better: 'up', read: (f) => f.csatResponseRate },
  { key: 'negativeShare', kind: 'share', better: 'down', read: (f) => f.negativeShare },
  { key: 'explainedTwice', kind: 'count', better: 'down', read: (f) => f.explainedTwice },
];

/** One figure as the screen writes it; "no data" where there was nothing to measure. */
export function formatFigure(t: TFunction, lng: string, kind: FigureKind, value: number | null): string {
  if (value === null) return t('reports:noData');
  switch (kind) {
    case 'count':
      return formatNumber(lng, value);
    case 'duration':
      return formatDuration(lng, value);
    case 'share':
      return formatPercent(lng, value * 100);
    case 'score':
      return formatNumber(lng, value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }
}

/** The size of a change in the figure's own unit: counts also relative to before, shares in percentage points. */
function formatDifference(t: TFunction, lng: string, kind: FigureKind, current: number, previous: number): string {
  const size = Math.abs(current - previous);
  switch (kind) {
    case 'count':
      return previous > 0 ? t('reports:change.countRelative', { value: formatNumber(lng, size), percent: formatPercent(lng, (size / previous) * 100) }) : formatNumber(lng, size);
    case 'duration':
      return formatDuration(lng, size);
    case 'share':
      return t('reports:change.points', { value: formatNumber(lng, size * 100, { maximumFractionDigits: 1 }) });
    case 'score':
      return formatNumber(lng, size, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  }
}

export interface KpiCard {
  key: string;
  label: string;
  current: string;
  /** Null when the report has no previous period. */
  previous: string | null;
  direction: 'up' | 'down' | 'same' | 'none';
  /** The change in words ("Up 12 (15%)", "No change"): the arrow and the colour only repeat it. */
  change: string;
  tone: 'good' | 'bad' | 'neutral';
  currentRaw: number | null;
  previousRaw: number | null;
}

export function kpiCards(t: TFunction, lng: string, report: Report): KpiCard[] {
  return KPIS.map((kpi) => {
    const current = kpi.read(report.current);
    const previous = report.previous ? kpi.read(report.previous) : null;
    const comparable = current !== null && previous !== null;
    const direction = !comparable ? 'none' : current > previous ? 'up' : current < previous ? 'down' : 'same';
    const change =
      direction === 'none'
        ? t('reports:change.none')
        : direction === 'same'
          ? t('reports:change.same')
          : t(`reports:change.${direction}`, { value: formatDifference(t, lng, kpi.kind, current!, previous!) });
    const tone = kpi.better === null || direction === 'none' || direction === 'same' ? 'neutral' : direction === kpi.better ? 'good' : 'bad';
    return {
      key: kpi.key,
      label: t(`reports:kpi.${kpi.key}`),
      current: formatFigure(t, lng, kpi.kind, current),
      previous: report.previous ? formatFigure(t, lng, kpi.kind, previous) : null,
      direction,
      change,
      tone,
      currentRaw: current,
      previousRaw: previous,
    };
  });
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lng: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lng}|${timeZone}|${JSON.stringify(options)}`;
  return dateFormats.get(key) ?? dateFormats.set(key, new Intl.DateTimeFormat(lng, { ...options, timeZone })).get(key)!;
}

const DAY_OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

/** A bucket's name in the supervisor's zone and language: an hour with its day, a day, or a week's first to last day. */
export function bucketLabel(lng: string, timeZone: string, granularity: ReportGranularity, start: number, end: number): string {
  switch (granularity) {
    case 'hour':
      return dateFormat(lng, timeZone, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(start);
    case 'day':
      return dateFormat(lng, timeZone, { weekday: 'short', day: 'numeric', month: 'short' }).format(start);
    case 'week':
      return dateFormat(lng, timeZone, { day: 'numeric', month: 'short' }).formatRange(start, end - 1);
  }
}

/** A period's first to last day ("23–29 Mar 2026"), `to` being the midnight after it. */
export const periodLabel = (lng: string, timeZone: string, from: number, to: number): string => dateFormat(lng, timeZone, DAY_OPTIONS).formatRange(from, to - 1);

/** A table's column: its stable key, heading and the text of each row's cell. */
export interface Column<Row> {
  key: string;
  label: string;
  /** Numeric columns align right. */
  numeric: boolean;
  text(row: Row): string;
}

export type SeriesRow = Report['series'][number] & { label: string };

export function seriesColumns(t: TFunction, lng: string): Column<SeriesRow>[] {
  const figure = (key: string, kind: FigureKind, read: (r: SeriesRow) => number | null): Column<SeriesRow> => ({
    key,
    label: t(`reports:series.${key}`),
    numeric: true,
    text: (r) => formatFigure(t, lng, kind, read(r)),
  });
  return [
    { key: 'bucket', label: t('reports:series.bucket'), numeric: false, text: (r) => r.label },
    figure('created', 'count', (r) => r.created),
    figure('resolved', 'count', (r) => r.resolved),
    figure('firstResponseP50', 'duration', (r) => r.firstResponseP50),
    figure('csatAnswers', 'count', (r) => r.csatAnswers),
    figure('csatAverage', 'score', (r) => r.csatAverage),
    figure('negativeShare', 'share', (r) => r.negativeShare),
  ];
}

export const seriesRows = (lng: string, report: Report): SeriesRow[] =>
  report.series.map((b) => ({ ...b, label: bucketLabel(lng, report.timeZone, report.granularity, b.start, b.end) }));

export type DistributionRow = { score: number; answers: number };

export const distributionRows = (report: Report): DistributionRow[] => report.current.csat.distribution.map((answers, i) => ({ score: i + 1, answers }));

export const distributionColumns = (t: TFunction, lng: string): Column<DistributionRow>[] => [
  { key: 'score', label: t('reports:distribution.score'), numeric: false, text: (r) => formatNumber(lng, r.score) },
  { key: 'answers', label: t('reports:distribution.answers'), numeric: true, text: (r) => formatNumber(lng, r.answers) },
];

export type ChannelRow = Report['channels'][number] & { label: string };

export function channelColumns(t: TFunction, lng: string): Column<ChannelRow>[] {
  const count = (key: 'inbound' | 'outbound' | 'casesCreated'): Column<ChannelRow> => ({
    key,
    label: t(`reports:channels.${key}`),
    numeric: true,
    text: (r) => formatNumber(lng, r[key]),
  });
  return [{ key: 'channel', label: t('reports:channels.channel'), numeric: false, text: (r) => r.label }, count('inbound'), count('outbound'), count('casesCreated')];
}

export const channelRows = (t: TFunction, report: Report): ChannelRow[] => report.channels.map((c) => ({ ...c, label: t(`common:channel.${c.channel satisfies Channel}`) }));

export type AgentRow = Report['agents'][number];
export const AGENT_COLUMNS = ['name', 'handled', 'resolved', 'handleTimeMs', 'csatAverage', 'csatAnswers'] as const;
export type AgentColumn = (typeof AGENT_COLUMNS)[number];

export function agentColumns(t: TFunction, lng: string): Column<AgentRow>[] {
  const kinds: Record<Exclude<AgentColumn, 'name'>, FigureKind> = { handled: 'count', resolved: 'count', handleTimeMs: 'duration', csatAverage: 'score', csatAnswers: 'count' };
  return AGENT_COLUMNS.map((key) => ({
    key,
    label: t(`reports:agents.${key}`),
    numeric: key !== 'name',
    text: (r: AgentRow) => (key === 'name' ? r.name : formatFigure(t, lng, kinds[key], r[key])),
  }));
}

export interface AgentSort {
  column: AgentColumn;
  direction: 'ascending' | 'descending';
}

/** Agents ordered by one column; people with no figure in it come last either way, ties by name. */
export function sortAgents(agents: readonly AgentRow[], sort: AgentSort, lng: string): AgentRow[] {
  const collator = new Intl.Collator(lng);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...agents].sort((a, b) => {
    if (sort.column === 'name') return sign * collator.compare(a.name, b.name);
    const x = a[sort.column];
    const y = b[sort.column];
    if (x === null || y === null) return x === y ? collator.compare(a.name, b.name) : x === null ? 1 : -1;
    return sign * (x - y) || collator.compare(a.name, b.name);
  });
}

/** Nothing happened in the period: no case, no answer, no contact. Charts of zeros would only mislead. */
export const isEmptyReport = (report: Report): boolean =>
  report.current.cases.created === 0 &&
  report.current.cases.resolved === 0 &&
  report.current.csat.answers === 0 &&
  report.channels.every((c) => c.inbound === 0 && c.outbound === 0 && c.casesCreated === 0) &&
  report.agents.every((a) => a.handled === 0 && a.resolved === 0);
