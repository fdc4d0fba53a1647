/**
 * The Reports screen as a CSV file (RFC 4180: fields quoted where they must be, quotes doubled, CRLF lines),
 * UTF-8 with a byte order mark so Excel reads Greek and Polish as written (the one CSV rule: src/renderer/lib/csv.ts).
 *
 * What the numbers are: every cell holds the text the screen shows, formatted the same way (reportFigures.ts),
 * so the file reads like the screen in the UI language. The summary rows add two columns of raw values
 * (counts, milliseconds, shares 0..1, averages unrounded; a dot as the decimal mark, empty for "no data") for
 * sums and charts in a spreadsheet; BI tools have the same figures over HTTP (GET /api/v1/reports/summary).
 */
import type { TFunction } from 'i18next';
import type { Report } from '../../../../shared/protocol/reports';
import { CSV_BOM, csvLine } from '../../../lib/csv';
import { agentColumns, channelColumns, channelRows, distributionColumns, distributionRows, kpiCards, periodLabel, seriesColumns, seriesRows, type AgentRow, type Column } from './reportFigures';

/** Raw numbers as a program writes them: "" for none. */
const raw = (value: number | null): string => (value === null ? '' : String(value));

export interface ReportCsvInput {
  report: Report;
  from: number;
  to: number;
  /** The filters as the screen names them ("Queue" → "Chat support", or "All"). */
  filters: { label: string; value: string }[];
  /** Agents in the order the table shows them. */
  agents: readonly AgentRow[];
  lng: string;
  t: TFunction;
}

function table<Row>(title: string, columns: Column<Row>[], rows: readonly Row[]): string[] {
  return [csvLine([title]), csvLine(columns.map((c) => c.label)), ...rows.map((r) => csvLine(columns.map((c) => c.text(r))))];
}

/** The whole file's text, byte order mark included. */
export function reportCsv({ report, from, to, filters, agents, lng, t }: ReportCsvInput): string {
  const header = [
    csvLine([t('reports:title')]),
    csvLine([t('reports:csv.period'), periodLabel(lng, report.timeZone, from, to)]),
    csvLine([t('reports:csv.timeZone'), report.timeZone]),
    csvLine([t('reports:granularity.label'), t(`reports:granularity.${report.granularity}`)]),
    ...filters.map((f) => csvLine([f.label, f.value])),
  ];
  const summary = [
    csvLine([t('reports:csv.summary')]),
    csvLine([t('reports:csv.measure'), t('reports:csv.key'), t('reports:csv.current'), t('reports:csv.previous'), t('reports:csv.change'), t('reports:csv.currentRaw'), t('reports:csv.previousRaw')]),
    ...kpiCards(t, lng, report).map((c) => csvLine([c.label, c.key, c.current, c.previous ?? '', c.change, raw(c.currentRaw), raw(c.previousRaw)])),
  ];
  const sections = [
    header,
    summary,
    table(t('reports:series.title'), seriesColumns(t, lng), seriesRows(lng, report)),
    table(t('reports:distribution.title'), distributionColumns(t, lng), distributionRows(report)),
    table(t('reports:channels.title'), channelColumns(t, lng), channelRows(t, report)),
    table(t('reports:agents.title'), agentColumns(t, lng), agents),
  ];
  return CSV_BOM + sections.map((lines) => lines.join('\r\n')).join('\r\n\r\n') + '\r\n';
}

/** The file's name: the period's days, so several exports sort and do not overwrite each other. */
export function reportFileName(timeZone: string, from: number, to: number): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return `report-${day.format(from)}-to-${day.format(to - 1)}.csv`;
}
