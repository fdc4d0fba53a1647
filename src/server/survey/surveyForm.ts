import { z } from 'zod';
import { MAX_SURVEY_COMMENT } from '../../shared/domain';
import { cleanText } from '../../shared/text/clean';

/** A score as the form sends it: a whole number from 1 to 10 written plainly ("7", not "7.0" or "1e1"). */
const ScoreFieldSchema = z
  .string()
  .trim()
  .regex(/^(10|[1-9])$/)
  .transform(Number);

/** A comment cleaned as every stored text is (see cleanText), its line breaks made plain; empty is none. */
const cleanComment = (raw: string): string => cleanText(raw).replace(/\r\n?/g, '\n').trim();
const CommentFieldSchema = z.string().transform(cleanComment).pipe(z.string().max(MAX_SURVEY_COMMENT));

/** What the survey form sent, as typed (to show again when it cannot be saved). */
export interface SurveyFormValues {
  score: string;
  comment: string;
}

/** Why a form cannot be saved, by field. */
export interface SurveyFormErrors {
  score?: 'missing';
  /** The comment's length after cleaning. */
  commentTooLong?: number;
}

export type SurveyFormResult = { ok: true; score: number; comment: string | null } | { ok: false; errors: SurveyFormErrors };

/** The form's values as typed: what a page shows again when it refuses them. */
export const surveyFormValues = (form: URLSearchParams): SurveyFormValues => ({ score: form.get('score') ?? '', comment: form.get('comment') ?? '' });

/** The survey form (`score`, `comment`) checked: a score from 1 to 10, and a comment of at most MAX_SURVEY_COMMENT characters after cleaning, or none. */
export function parseSurveyForm(values: SurveyFormValues): SurveyFormResult {
  const score = ScoreFieldSchema.safeParse(values.score);
  const comment = CommentFieldSchema.safeParse(values.comment);
  if (score.success && comment.success) return { ok: true, score: score.data, comment: comment.data || null };
  return {
    ok: false,
    errors: {
      ...(score.success ? {} : { score: 'missing' }),
      ...(comment.success ? {} : { commentTooLong: cleanComment(values.comment).length }),
    },
  };
}
