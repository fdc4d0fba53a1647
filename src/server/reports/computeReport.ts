import { CHANNELS, type Channel } from '../../shared/domain';
import type { Report, ReportBucket, ReportFigures, ReportFilter, ReportGranularity, ReportSummary } from '../../shared/protocol';
import { readBucketWriters, readPeriodWriters, readReportPeriod, type CreatedCase, type ReportPeriod, type ReportReads, type SurveyAnswer, type Writers } from '../store/reportReads';
import { reportBuckets, type Bucket } from './buckets';
import { percentiles } from './percentiles';

/** What a report is computed for (the `report:query` payload as validated). */
export interface ReportRequest extends ReportFilter {
  from: number;
  to: number;
  granularity: ReportGranularity;
  timeZone: string;
  compare: boolean;
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
const average = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

/**
 * SLA attainment: among cases created in the period whose first reply came, or whose first-reply deadline passed,
 * before the period's end (or now, if sooner), the share answered by the deadline. Cases without a deadline do not
 * count.
 */
function slaAttainment(created: readonly CreatedCase[], cutoff: number): number | null {
  let due = 0;
  let met = 0;
  for (const [, firstRespondedAt, firstResponseDue] of created) {
    if (firstResponseDue === null) continue;
    const answered = firstRespondedAt !== null && firstRespondedAt < cutoff;
    if (!answered && firstResponseDue >= cutoff) continue;
    due++;
    if (firstRespondedAt !== null && firstRespondedAt <= firstResponseDue) met++;
  }
  return share(met, due);
}

const firstResponses = (created: readonly CreatedCase[]) => created.flatMap(([createdAt, firstRespondedAt]) => (firstRespondedAt === null ? [] : [firstRespondedAt - createdAt]));
const scores = (answers: readonly SurveyAnswer[]) => answers.map(([, score]) => score);

/** The figures of one period (definitions: src/shared/protocol/reports.ts and docs/architecture.md, "Reports"). */
function figures(p: ReportPeriod, writers: Writers, from: number, to: number, now: number): ReportFigures {
  const distribution = Array.from({ length: 10 }, () => 0);
  for (const [, score] of p.answers) distribution[score - 1]++;
  return {
    from,
    to,
    cases: { created: p.created.length, resolved: p.resolved.length },
    csat: { answers: p.answers.length, average: average(scores(p.answers)), distribution },
    firstResponseMs: percentiles(firstResponses(p.created)),
    resolutionMs: percentiles(p.resolved.map(([createdAt, resolvedAt]) => resolvedAt - createdAt)),
    slaAttainment: slaAttainment(p.created, Math.min(to, now)),
    negativeShare: share(writers.negative, writers.customers),
    explainedTwice: p.created.filter(([, , , channelCount]) => channelCount >= 2).length,
    nextResponseMs: percentiles(p.nextWaits),
    surveysSent: p.surveysSent,
    csatResponseRate: share(p.answers.length, p.surveysSent),
  };
}

/** Each row of `rows` in the bucket its time (`at`) falls in; `buckets` are in order and add up to the period. */
function bucketed<T>(rows: readonly T[], at: (row: T) => number, buckets: readonly Bucket[]): T[][] {
  const out = buckets.map((): T[] => []);
  for (const row of rows) {
    const t = at(row);
    let lo = 0;
    let hi = buckets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (buckets[mid].start <= t) lo = mid;
      else hi = mid - 1;
    }
    out[lo].push(row);
  }
  return out;
}

/** The series: each bucket's counts from the period's rows, and its negative share from its own writers. */
function series(p: ReportPeriod, buckets: readonly Bucket[], writers: readonly Writers[]): ReportBucket[] {
  const created = bucketed(p.created, ([createdAt]) => createdAt, buckets);
  const resolved = bucketed(p.resolved, ([, resolvedAt]) => resolvedAt, buckets);
  const answers = bucketed(p.answers, ([answeredAt]) => answeredAt, buckets);
  return buckets.map((b, k) => ({
    start: b.start,
    end: b.end,
    created: created[k].length,
    resolved: resolved[k].length,
    csatAnswers: answers[k].length,
    csatAverage: average(scores(answers[k])),
    negativeShare: share(writers[k].negative, writers[k].customers),
    firstResponseP50: percentiles(firstResponses(created[k])).p50,
  }));
}

/**
 * Per agent: handled = distinct cases they replied on in the period; resolved = cases resolved in it that are
 * theirs now; handle time = average talk time of their calls and video sessions in it; CSAT = answers given in it
 * on cases that are theirs now. Everyone with any of these, by name.
 */
function agents(p: ReportPeriod, nameOf: (staffId: string) => string | null): Report['agents'] {
  const rows = new Map<string, { handled: number; resolved: number; talk: { seconds: number; sessions: number } | null; scores: number[] }>();
  const row = (id: string) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { handled: 0, resolved: 0, talk: null, scores: [] }));
    return r;
  };
  for (const h of p.handled) row(h.staffId).handled = Number(h.cases);
  for (const [, , assigneeId] of p.resolved) if (assigneeId !== null) row(assigneeId).resolved++;
  for (const t of p.talk) row(t.staffId).talk = { seconds: Number(t.seconds), sessions: Number(t.sessions) };
  for (const [, score, assigneeId] of p.answers) if (assigneeId !== null) row(assigneeId).scores.push(score);
  return [...rows]
    .map(([staffId, r]) => ({
      staffId,
      name: nameOf(staffId) ?? staffId,
      handled: r.handled,
      resolved: r.resolved,
      handleTimeMs: r.talk && r.talk.sessions > 0 ? Math.round((r.talk.seconds * 1000) / r.talk.sessions) : null,
      csatAnswers: r.scores.length,
      csatAverage: average(r.scores),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.staffId.localeCompare(b.staffId));
}

/** Contacts per channel, every channel listed (zeros included) in the channels' order. */
function channels(p: ReportPeriod): Report['channels'] {
  const origins = new Map<Channel, number>();
  for (const [, , , , originChannel] of p.created) origins.set(originChannel, (origins.get(originChannel) ?? 0) + 1);
  return CHANNELS.map((channel) => {
    const v = p.volumes.find((x) => x.channel === channel);
    return { channel, inbound: v?.inbound ?? 0, outbound: v?.outbound ?? 0, casesCreated: origins.get(channel) ?? 0 };
  });
}

/**
 * A report: the period read once, its series cut from the same rows (so the series and the totals agree), and the
 * period just before it, of the same length, when asked for.
 */
export async function computeReport(reads: ReportReads, q: ReportRequest, opts: { now: number; nameOf: (staffId: string) => string | null }): Promise<Report> {
  const filter: ReportFilter = { queueId: q.queueId, channel: q.channel, agentId: q.agentId, storeId: q.storeId };
  const buckets = reportBuckets(q.from, q.to, q.granularity, q.timeZone);
  const [period, writers] = await Promise.all([readReportPeriod(reads, filter, q.from, q.to), readBucketWriters(reads, filter, buckets)]);
  const previous = q.compare ? await computeFigures(reads, filter, q.from - (q.to - q.from), q.from, { now: opts.now }) : null;
  return {
    timeZone: q.timeZone,
    granularity: q.granularity,
    current: figures(period, writers.whole, q.from, q.to, opts.now),
    previous,
    series: series(period, buckets, writers.buckets),
    channels: channels(period),
    agents: agents(period, opts.nameOf),
  };
}

/** The summary of `GET /api/v1/reports/summary`: the contract's keys of the same figures the console shows. */
export function summaryOf(f: ReportFigures): ReportSummary {
  const { from, to, cases, csat, firstResponseMs, resolutionMs, slaAttainment, negativeShare, explainedTwice } = f;
  return { from, to, cases, csat, firstResponseMs, resolutionMs, slaAttainment, negativeShare, explainedTwice };
}

/** One period's figures only (no series, agents or comparison): a report's previous period, the summary. */
export async function computeFigures(reads: ReportReads, filter: ReportFilter, from: number, to: number, opts: { now: number }): Promise<ReportFigures> {
  const [period, writers] = await Promise.all([readReportPeriod(reads, filter, from, to), readPeriodWriters(reads, filter, from, to)]);
  return figures(period, writers, from, to, opts.now);
}
