import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { IdSchema, isSupervising, type Staff } from '../../shared/domain';
import { MAX_REPORT_DAYS, ReportSummarySchema } from '../../shared/protocol';
import { createRateLimiter } from '../auth/rateLimiter';
import type { HubContext } from '../context';
import { computeFigures, summaryOf } from '../reports/computeReport';
import type { SharedState } from '../sharedState';
import { HttpError } from './body';
import type { Route, RouteAnswer } from './httpApi';

export const REPORT_SUMMARY_PATH = '/api/v1/reports/summary';

/** Summaries one person may ask for per minute: a BI tool polls; a loop asking without pause is stopped. */
const SUMMARIES_PER_MINUTE = 30;

/** A query parameter that is wrong: the answer names it. */
class BadParameter extends Error {
  constructor(
    readonly parameter: 'from' | 'to' | 'queueId',
    message: string,
  ) {
    super(message);
  }
}

/** An epoch-ms query parameter: present, a whole number, not negative. */
function time(params: URLSearchParams, name: 'from' | 'to'): number {
  const raw = params.get(name);
  if (raw === null || raw === '') throw new BadParameter(name, `${name} is missing (epoch milliseconds)`);
  if (!/^-?\d{1,16}$/.test(raw)) throw new BadParameter(name, `${name} must be a whole number of epoch milliseconds`);
  const value = Number(raw);
  if (value < 0) throw new BadParameter(name, `${name} must not be negative`);
  return value;
}

/**
 * `GET /api/v1/reports/summary?from=<epoch ms>&to=<epoch ms>[&queueId=<id>]`: the summary figures of `[from, to)`
 * (ReportSummarySchema; the same computation as the console's report) for a supervisor's or admin's bearer token.
 * No or a bad token: 401; anyone else: 403; a bad parameter: 400 `{ ok: false, error: 'invalid', parameter, message }`.
 */
export function reportRoutes(ctx: HubContext, signedIn: (req: IncomingMessage) => Promise<Staff>, shared: SharedState): Record<string, Route> {
  const rate = createRateLimiter({ name: 'report-summary', max: SUMMARIES_PER_MINUTE, windowMs: 60_000, now: ctx.now, shared });
  return {
    [`GET ${REPORT_SUMMARY_PATH}`]: async (req): Promise<RouteAnswer> => {
      const staff = await signedIn(req);
      if (!isSupervising(staff.role)) throw new HttpError(403, 'forbidden', 'only supervisors and admins read reports');
      if (!(await rate.attempt(staff.id))) {
        const wait = Math.max(1, Math.ceil((await rate.retryAfter(staff.id)) / 1000));
        throw new HttpError(429, 'rate-limited', `at most ${SUMMARIES_PER_MINUTE} summaries a minute; try again in ${wait} s`, { 'Retry-After': String(wait) });
      }
      const params = new URL(req.url ?? '/', 'http://hub').searchParams;
      let range: { from: number; to: number; queueId?: string };
      try {
        const from = time(params, 'from');
        const to = time(params, 'to');
        if (to <= from) throw new BadParameter('to', 'to must be after from');
        if (to - from > MAX_REPORT_DAYS * 86_400_000) throw new BadParameter('to', `to: a report covers at most ${MAX_REPORT_DAYS} days`);
        const queueId = params.get('queueId') ?? undefined;
        if (queueId !== undefined && (!IdSchema.safeParse(queueId).success || ctx.queue(queueId) === null)) {
          throw new BadParameter('queueId', `queueId: no queue ${JSON.stringify(queueId.slice(0, 64))}`);
        }
        range = { from, to, queueId };
      } catch (err) {
        if (err instanceof BadParameter) return [400, { ok: false, error: 'invalid', parameter: err.parameter, message: err.message }];
        throw err;
      }
      const figures = await computeFigures(ctx.store, { queueId: range.queueId }, range.from, range.to, { now: ctx.now() });
      return [200, ReportSummarySchema.parse(summaryOf(figures))];
    },
  };
}

/** The route in the hub's OpenAPI document (GET /api/v1/openapi.json), its answer's schema from the contract. */
export function reportsOpenApiPaths(): Record<string, unknown> {
  const param = (name: string, required: boolean, description: string) => ({ name, in: 'query', required, description, schema: name === 'queueId' ? { type: 'string' } : { type: 'integer', minimum: 0 } });
  const error = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
  return {
    [REPORT_SUMMARY_PATH]: {
      get: {
        summary: 'Report figures of a period (supervisors and admins)',
        operationId: 'getReportSummary',
        security: [{ bearer: [] }],
        parameters: [
          param('from', true, 'Start of the period, epoch ms (inclusive)'),
          param('to', true, `End of the period, epoch ms (exclusive; at most ${MAX_REPORT_DAYS} days after from)`),
          param('queueId', false, 'Only this queue'),
        ],
        responses: {
          '200': { description: 'The figures', content: { 'application/json': { schema: z.toJSONSchema(ReportSummarySchema, { target: 'draft-2020-12', unrepresentable: 'any' }) } } },
          '400': error('A parameter is wrong: { ok: false, error: "invalid", parameter, message }'),
          '401': error('No valid access token'),
          '403': error('Not a supervisor or admin'),
          '429': error('Too many summaries a minute (Retry-After)'),
        },
      },
    },
  };
}
