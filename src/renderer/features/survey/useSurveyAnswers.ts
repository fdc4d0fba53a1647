import { useMemo } from 'react';
import type { Case, CsatResponse } from '../../../shared/domain';
import { MAX_SURVEY_ANSWER_CASES } from '../../../shared/ipc/contract';
import { useChannel } from '../../lib/api/useChannel';

/**
 * The survey answer (score and comment) of each of `cases` that has a score, by case id, kept fresh as answers
 * come in or change. Cases without a score are not asked about.
 */
export function useSurveyAnswers(cases: ReadonlyArray<Pick<Case, 'id' | 'csatScore'>>): ReadonlyMap<string, CsatResponse> {
  const caseIds = cases.filter((c) => c.csatScore !== null).map((c) => c.id).slice(0, MAX_SURVEY_ANSWER_CASES);
  const answers = useChannel('survey.answers', caseIds.length > 0 ? { caseIds } : null, { refreshOn: (c) => c.entities.csat !== undefined });
  return useMemo(() => {
    // Newest first: the first of a case is its answer now.
    const byCase = new Map<string, CsatResponse>();
    for (const a of answers.data ?? []) if (!byCase.has(a.caseId)) byCase.set(a.caseId, a);
    return byCase;
  }, [answers.data]);
}
