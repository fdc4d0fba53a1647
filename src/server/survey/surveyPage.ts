/**
 * The 1-10 survey page, `/survey/<token>`: the link every survey that does not go to the web chat carries. No
 * sign-in (the token, 192 random bits, is the key), no JavaScript: the form posts `score` and `comment` to the
 * same address, and a saved answer redirects back to it (Post/Redirect/Get), where it shows with the date until
 * which it may change. After SURVEY_CHANGEABLE_MS it shows locked.
 *
 * Language: the one picked with `?lang=`, else the case's customer's (the survey message they got was in it),
 * else their browser's (Accept-Language), else English. An unknown token and a malformed one get the same 404
 * page, and a malformed one costs no read.
 */
import type { IncomingMessage } from 'node:http';
import { caseReference, LangSchema, type Case, type Lang } from '../../shared/domain';
import type { HubContext } from '../context';
import type { RouteAnswer } from '../http/httpApi';
import { customerLanguage, errorPage, pageHeaders } from '../public/html';
import { parseForm, windowBudget, type PublicLimits, type PublicRoutes } from '../public/publicSite';
import { answerSurvey, SurveyLocked, surveyAnswerState } from '../voice';
import { parseSurveyForm, surveyFormValues } from './surveyForm';
import { isSurveyToken } from './surveyToken';
import { surveyPage, surveyPath, type SurveyView } from './surveyView';

/** Answers one survey link may send in a window: enough for a customer changing their mind, not for a script. */
export const DEFAULT_SURVEY_POST_LIMITS: PublicLimits = { perAddress: 10, windowMs: 60_000 };

/** A link's survey: its case and the page's language. */
interface Found {
  kase: Case;
  picked: Lang | null;
  lang: Lang;
  reference: string;
}

/** The language the customer picked with `?lang=`, if it is one the product speaks. */
function pickedLanguage(req: IncomingMessage): Lang | null {
  const picked = LangSchema.safeParse(new URL(req.url ?? '/', 'http://hub').searchParams.get('lang'));
  return picked.success ? picked.data : null;
}

export function surveyRoutes(ctx: HubContext, limits: PublicLimits = DEFAULT_SURVEY_POST_LIMITS): PublicRoutes {
  const overBudget = windowBudget(limits, ctx.now);

  /** The survey a link names, with its case and the page's language; null (a 404) for an unknown or malformed token. */
  async function open(req: IncomingMessage, token: string): Promise<Found | null> {
    const picked = pickedLanguage(req);
    if (!isSurveyToken(token)) return null;
    const survey = await ctx.store.surveyByToken(token);
    const kase = survey && (await ctx.store.get('case', survey.caseId));
    if (!kase) return null;
    const customer = await ctx.store.get('customer', kase.customerId);
    const lang = picked ?? customer?.language ?? customerLanguage(req);
    return { kase, picked, lang, reference: `#${caseReference(kase.id)}` };
  }

  /** The page as it stands now, the form showing `values` (the answer so far when none are given). */
  async function current(found: Found, token: string, extra: Partial<Pick<SurveyView, 'values' | 'status' | 'errors' | 'refusedLocked'>> = {}): Promise<RouteAnswer> {
    const state = await surveyAnswerState(ctx.store, found.kase.id, ctx.now());
    const values = extra.values ?? { score: state.score === null ? '' : String(state.score), comment: state.comment ?? '' };
    return surveyPage({ lang: found.lang, token, picked: found.picked, reference: found.reference, state, ...extra, values });
  }

  return {
    'GET /survey/*': async (req, _raw, token): Promise<RouteAnswer> => {
      const found = await open(req, token);
      if (!found) return errorPage(customerLanguage(req, pickedLanguage(req)), 404);
      return current(found, token);
    },
    'POST /survey/*': async (req, raw, token): Promise<RouteAnswer> => {
      const picked = pickedLanguage(req);
      if (!isSurveyToken(token)) return errorPage(customerLanguage(req, picked), 404);
      const values = surveyFormValues(parseForm(req, raw));
      // Checked before any read: a hammered link costs nothing; what was sent is shown again, to send later.
      const wait = overBudget(token);
      if (wait !== null) {
        const retryAfter = String(Math.ceil(wait / 1000));
        return surveyPage({ lang: customerLanguage(req, picked), token, picked, reference: null, state: null, values, errors: { tooMany: true }, status: 429, headers: { 'Retry-After': retryAfter } });
      }
      const found = await open(req, token);
      if (!found) return errorPage(customerLanguage(req, picked), 404);
      const parsed = parseSurveyForm(values);
      if (!parsed.ok) return current(found, token, { values, status: 422, errors: parsed.errors });
      try {
        await ctx.write(async (w) => {
          const kase = await w.get('case', found.kase.id);
          if (kase) await answerSurvey(w, kase, parsed.score, parsed.comment);
        });
      } catch (err) {
        if (err instanceof SurveyLocked) return current(found, token, { values, status: 409, refusedLocked: true });
        throw err;
      }
      return { status: 303, bytes: Buffer.alloc(0), headers: { ...pageHeaders('text/plain; charset=utf-8'), Location: surveyPath(token, picked) } };
    },
  };
}
