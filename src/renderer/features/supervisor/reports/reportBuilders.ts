/**
 * Reports for the tests of the Reports screen: a week's figures against the week before, with the edges the
 * screen must handle (a figure with no data, names that need quoting in a CSV, an agent with no CSAT).
 */
import type { Report, ReportFigures, ReportQuery } from '../../../../shared/protocol/reports';

const MIN = 60_000;
const HOUR = 60 * MIN;

export function someFigures(from: number, to: number, over: Partial<ReportFigures> = {}): ReportFigures {
  return {
    from,
    to,
    cases: { created: 120, resolved: 100 },
    csat: { answers: 40, average: 7.25, distribution: [2, 1, 1, 2, 4, 5, 5, 8, 6, 6] },
    firstResponseMs: { p50: 12 * MIN, p90: 45 * MIN },
    nextResponseMs: { p50: 5 * MIN, p90: 30 * MIN },
    resolutionMs: { p50: 3 * HOUR, p90: 50 * HOUR },
    slaAttainment: 0.85,
    negativeShare: 0.125,
    explainedTwice: 6,
    surveysSent: 80,
    csatResponseRate: 0.5,
    ...over,
  };
}

/** The report the hub would send for `query`: this period's figures, the week before's, two daily buckets, two channels, three agents. */
export function aReport(query: Pick<ReportQuery, 'from' | 'to' | 'granularity' | 'timeZone' | 'compare'>, over: Partial<Report> = {}): Report {
  const { from, to } = query;
  const length = to - from;
  const mid = from + Math.round(length / 2);
  return {
    timeZone: query.timeZone,
    granularity: query.granularity,
    current: someFigures(from, to),
    previous:
      query.compare === false
        ? null
        : someFigures(from - length, from, {
            cases: { created: 100, resolved: 100 },
            csat: { answers: 30, average: 6.5, distribution: [3, 2, 2, 3, 3, 4, 4, 4, 3, 2] },
            firstResponseMs: { p50: 15 * MIN, p90: 45 * MIN },
            slaAttainment: 0.8,
            negativeShare: null,
            explainedTwice: 9,
          }),
    series: [
      { start: from, end: mid, created: 70, resolved: 60, csatAnswers: 25, csatAverage: 7.5, negativeShare: 0.1, firstResponseP50: 10 * MIN },
      { start: mid, end: to, created: 50, resolved: 40, csatAnswers: 15, csatAverage: null, negativeShare: null, firstResponseP50: null },
    ],
    channels: [
      { channel: 'chat', inbound: 300, outbound: 280, casesCreated: 80 },
      { channel: 'email', inbound: 1500, outbound: 90, casesCreated: 40 },
    ],
    agents: [
      { staffId: 'a1', name: 'Anna Nowak', handled: 40, resolved: 30, handleTimeMs: 6 * MIN, csatAnswers: 12, csatAverage: 8.5 },
      { staffId: 'a2', name: 'Kowalski, Jan "Kowal"', handled: 55, resolved: 20, handleTimeMs: null, csatAnswers: 0, csatAverage: null },
      { staffId: 'a3', name: '=Eleni Papadopoulou', handled: 25, resolved: 50, handleTimeMs: 4 * MIN, csatAnswers: 28, csatAverage: 6.75 },
    ],
    ...over,
  };
}

/** A period in which nothing happened. */
export function anEmptyReport(query: Parameters<typeof aReport>[0]): Report {
  const none = (from: number, to: number) =>
    someFigures(from, to, {
      cases: { created: 0, resolved: 0 },
      csat: { answers: 0, average: null, distribution: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
      firstResponseMs: { p50: null, p90: null },
      nextResponseMs: { p50: null, p90: null },
      resolutionMs: { p50: null, p90: null },
      slaAttainment: null,
      negativeShare: null,
      explainedTwice: 0,
      surveysSent: 0,
      csatResponseRate: null,
    });
  const length = query.to - query.from;
  return aReport(query, {
    current: none(query.from, query.to),
    previous: none(query.from - length, query.from),
    series: [{ start: query.from, end: query.to, created: 0, resolved: 0, csatAnswers: 0, csatAverage: null, negativeShare: null, firstResponseP50: null }],
    channels: [],
    agents: [],
  });
}
