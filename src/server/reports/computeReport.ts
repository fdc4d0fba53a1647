import { CHANNELS, type Channel } from '../../shared/domain';
import type { Report, ReportBucket, ReportFigures, ReportFilter, ReportGranularity, ReportSummary } from '../../shared/protocol';
import type { ReportReads, ReportSlice } from '../store/reportReads';
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

/** Slices read side by side: PostgreSQL spreads them over its pool; SQLite runs them one at a time anyway. */
const LANES = 4;

/**
 * Reads the slices in order, `LANES` at a time, giving the event loop a turn between slices: a SQLite store reads
 * synchronously, and a long report must not hold up every other request of the hub while it reads.
 */
async function readSlices(reads: ReportReads, filter: ReportFilter, slices: readonly Bucket[]): Promise<ReportSlice[]> {
  const out: ReportSlice[] = new Array(slices.length);
  let next = 0;
  const lane = async () => {
    while (next < slices.length) {
      const k = next++;
      await new Promise((resolve) => setImmediate(resolve));
      out[k] = await reads.reportSlice(filter, slices[k].start, slices[k].end);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LANES, slices.length) }, lane));
  return out;
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
const average = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

/** The slices of a period, added up: what the period's figures are computed from. */
function merge(slices: readonly ReportSlice[]): ReportSlice {
  const customers = new Map<string, number>();
  const replies = new Map<string, { staffId: string; caseId: string }>();
  const talk = new Map<string, { staffId: string; seconds: number; sessions: number }>();
  const volumes = new Map<Channel, { channel: Channel; inbound: number; outbound: number }>();
  for (const s of slices) {
    for (const c of s.customers) customers.set(c.customerId, Math.max(customers.get(c.customerId) ?? 0, Number(c.negative)));
    for (const r of s.replies) replies.set(`${r.staffId}\u0000${r.caseId}`, r);
    for (const t of s.talk) {
      const sum = talk.get(t.staffId) ?? { staffId: t.staffId, seconds: 0, sessions: 0 };
      talk.set(t.staffId, { staffId: t.staffId, seconds: sum.seconds + Number(t.seconds), sessions: sum.sessions + Number(t.sessions) });
    }
    for (const v of s.volumes) {
      const sum = volumes.get(v.channel) ?? { channel: v.channel, inbound: 0, outbound: 0 };
      volumes.set(v.channel, { channel: v.channel, inbound: sum.inbound + Number(v.inbound), outbound: sum.outbound + Number(v.outbound) });
    }
  }
  return {
    created: slices.flatMap((s) => s.created),
    resolved: slices.flatMap((s) => s.resolved),
    answers: slices.flatMap((s) => s.answers),
    surveysSent: slices.reduce((n, s) => n + s.surveysSent, 0),
    volumes: [...volumes.values()],
    customers: [...customers].map(([customerId, negative]) => ({ customerId, negative })),
    replies: [...replies.values()],
    talk: [...talk.values()],
    nextWaits: slices.flatMap((s) => s.nextWaits),
  };
}

/**
 * SLA attainment: among cases created in the period whose first reply came, or whose first-reply deadline passed,
 * before the period's end (or now, if sooner), the share answered by the deadline. Cases without a deadline do not
 * count.
 */
function slaAttainment(created: ReportSlice['created'], cutoff: number): number | null {
  let due = 0;
  let met = 0;
  for (const c of created) {
    if (c.firstResponseDue === null) continue;
    const answered = c.firstRespondedAt !== null && c.firstRespondedAt < cutoff;
    if (!answered && c.firstResponseDue >= cutoff) continue;
    due++;
    if (c.firstRespondedAt !== null && c.firstRespondedAt <= c.firstResponseDue) met++;
  }
  return share(met, due);
}

const firstResponses = (created: ReportSlice['created']) => created.flatMap((c) => (c.firstRespondedAt === null ? [] : [c.firstRespondedAt - c.createdAt]));
const negativeShare = (s: ReportSlice) => share(s.customers.filter((c) => Number(c.negative) === 1).length, s.customers.length);

/** The figures of one period (definitions: src/shared/protocol/reports.ts and docs/architecture.md, "Reports"). */
function figures(s: ReportSlice, from: number, to: number, now: number): ReportFigures {
  const distribution = Array.from({ length: 10 }, () => 0);
  for (const a of s.answers) distribution[a.score - 1]++;
  return {
    from,
    to,
    cases: { created: s.created.length, resolved: s.resolved.length },
    csat: { answers: s.answers.length, average: average(s.answers.map((a) => a.score)), distribution },
    firstResponseMs: percentiles(firstResponses(s.created)),
    resolutionMs: percentiles(s.resolved.map((r) => r.resolvedAt - r.createdAt)),
    slaAttainment: slaAttainment(s.created, Math.min(to, now)),
    negativeShare: negativeShare(s),
    explainedTwice: s.created.filter((c) => c.channelCount >= 2).length,
    nextResponseMs: percentiles(s.nextWaits),
    surveysSent: s.surveysSent,
    csatResponseRate: share(s.answers.length, s.surveysSent),
  };
}

function bucketOf(b: Bucket, s: ReportSlice): ReportBucket {
  return {
    start: b.start,
    end: b.end,
    created: s.created.length,
    resolved: s.resolved.length,
    csatAnswers: s.answers.length,
    csatAverage: average(s.answers.map((a) => a.score)),
    negativeShare: negativeShare(s),
    firstResponseP50: percentiles(firstResponses(s.created)).p50,
  };
}

/**
 * Per agent: handled = distinct cases they replied on in the period; resolved = cases resolved in it that are
 * theirs now; handle time = average talk time of their calls and video sessions in it; CSAT = answers given in it
 * on cases that are theirs now. Everyone with any of these, by name.
 */
function agents(s: ReportSlice, nameOf: (staffId: string) => string | null): Report['agents'] {
  const rows = new Map<string, { handled: number; resolved: number; talk: { seconds: number; sessions: number } | null; scores: number[] }>();
  const row = (id: string) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { handled: 0, resolved: 0, talk: null, scores: [] }));
    return r;
  };
  for (const r of s.replies) row(r.staffId).handled++;
  for (const r of s.resolved) if (r.assigneeId !== null) row(r.assigneeId).resolved++;
  for (const t of s.talk) row(t.staffId).talk = { seconds: Number(t.seconds), sessions: Number(t.sessions) };
  for (const a of s.answers) if (a.assigneeId !== null) row(a.assigneeId).scores.push(a.score);
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
function channels(s: ReportSlice): Report['channels'] {
  return CHANNELS.map((channel) => {
    const v = s.volumes.find((x) => x.channel === channel);
    return { channel, inbound: Number(v?.inbound ?? 0), outbound: Number(v?.outbound ?? 0), casesCreated: s.created.filter((c) => c.originChannel === channel).length };
  });
}

/**
 * A report: the period read in slices, one per bucket of its series (so the series and the totals come from the
 * same reads), and the period just before it, of the same length, read by local day, when asked for.
 */
export async function computeReport(reads: ReportReads, q: ReportRequest, opts: { now: number; nameOf: (staffId: string) => string | null }): Promise<Report> {
  const filter: ReportFilter = { queueId: q.queueId, channel: q.channel, agentId: q.agentId, storeId: q.storeId };
  const buckets = reportBuckets(q.from, q.to, q.granularity, q.timeZone);
  const slices = await readSlices(reads, filter, buckets);
  const whole = merge(slices);
  const previous = q.compare ? await computeFigures(reads, filter, q.from - (q.to - q.from), q.from, { now: opts.now, timeZone: q.timeZone }) : null;
  return {
    timeZone: q.timeZone,
    granularity: q.granularity,
    current: figures(whole, q.from, q.to, opts.now),
    previous,
    series: buckets.map((b, k) => bucketOf(b, slices[k])),
    channels: channels(whole),
    agents: agents(whole, opts.nameOf),
  };
}

/** The summary of `GET /api/v1/reports/summary`: the contract's keys of the same figures the console shows. */
export function summaryOf(f: ReportFigures): ReportSummary {
  const { from, to, cases, csat, firstResponseMs, resolutionMs, slaAttainment, negativeShare, explainedTwice } = f;
  return { from, to, cases, csat, firstResponseMs, resolutionMs, slaAttainment, negativeShare, explainedTwice };
}

/** One period's figures only (no series, agents or comparison), read a day at a time: a report's previous period, the summary. */
export async function computeFigures(reads: ReportReads, filter: ReportFilter, from: number, to: number, opts: { now: number; timeZone: string }): Promise<ReportFigures> {
  return figures(merge(await readSlices(reads, filter, reportBuckets(from, to, 'day', opts.timeZone))), from, to, opts.now);
}
