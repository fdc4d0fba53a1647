import type { z } from 'zod';
import { isSupervising, type Case, type Staff } from '../../shared/domain';
import type { Voc, VocAnswer, VocQuerySchema } from '../../shared/protocol';
import type { HubContext } from '../context';
import { Refused } from '../refused';
import type { VocAnswerRow } from '../store/vocReads';
import { alertResults } from './vocAlerts';
import { commentHasPhrase, phraseWords, recurringPhrases } from './vocPhrases';

type VocQuery = z.output<typeof VocQuerySchema>;

/** The case filters of a query (queue, agent, channel): the same for answers and alerts. */
function caseMatches(q: VocQuery, queueId: string, kase: Case | null): boolean {
  if (q.queueId !== undefined && queueId !== q.queueId) return false;
  if (q.agentId !== undefined && kase?.assigneeId !== q.agentId) return false;
  if (q.channel !== undefined && !kase?.channels.includes(q.channel)) return false;
  return true;
}

const scoreMatches = (q: VocQuery, score: number) => (q.minScore === undefined || score >= q.minScore) && (q.maxScore === undefined || score <= q.maxScore);

/** `voc:query`: a supervisor's or admin's Voice of the Customer of a period (see src/shared/protocol/voc.ts). */
export async function vocFor(ctx: HubContext, staff: Staff, q: VocQuery): Promise<Voc> {
  if (!isSupervising(staff.role)) throw new Refused('forbidden', 'only supervisors and admins read the Voice of the Customer');
  const [answerRows, alertRows] = await Promise.all([ctx.store.vocAnswers(q.from, q.to), ctx.store.vocAlerts(q.from, q.to)]);

  const filtered = answerRows.filter((r) => caseMatches(q, r.answer.queueId, r.kase) && scoreMatches(q, r.answer.score));
  const lowScoreComments = filtered
    .filter((r) => r.answer.comment !== null && r.answer.score <= (ctx.queue(r.answer.queueId)?.csatAlertThreshold ?? 0))
    .map((r) => r.answer.comment as string);
  const words = q.phrase === undefined ? null : phraseWords(q.phrase);
  const listed = words === null ? filtered : filtered.filter((r) => r.answer.comment !== null && commentHasPhrase(r.answer.comment, words));
  const page = listed.slice(q.cursor, q.cursor + q.limit);
  const next = q.cursor + page.length;

  return {
    timeZone: q.timeZone,
    answers: { total: listed.length, cursor: q.cursor, nextCursor: next < listed.length ? next : null, items: page.map((r) => answerOf(ctx, r)) },
    phrases: { lowScoreComments: lowScoreComments.length, items: recurringPhrases(lowScoreComments) },
    alerts: alertResults(
      alertRows.filter((r) => caseMatches(q, r.alert.queueId, r.kase)).map((r) => r.alert),
      q,
    ),
  };
}

function answerOf(ctx: HubContext, { answer, kase, customerName }: VocAnswerRow): VocAnswer {
  const assigneeId = kase?.assigneeId ?? null;
  return {
    id: answer.id,
    caseId: answer.caseId,
    score: answer.score,
    comment: answer.comment,
    at: answer.createdAt,
    subject: kase?.subject ?? null,
    customerName,
    queueId: answer.queueId,
    queueName: ctx.queue(answer.queueId)?.name ?? null,
    assigneeId,
    assigneeName: assigneeId === null ? null : (ctx.staff(assigneeId)?.name ?? null),
    channel: kase?.lastChannel ?? null,
  };
}
