import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../database';
import { applyChanges } from '../applyChanges';
import { tempCache, upsert } from '../../testing/fixtures';
import { queryPlan } from '../../testing/queryPlan';
import { CSAT_OF_CASES_SQL, csatOfCases } from './surveyAnswers';

const csat = (id: string, caseId: string, createdAt: number, score: number, comment: string | null = null) => ({ id, caseId, customerId: 'cu1', queueId: 'q1', score, comment, createdAt });

describe('survey answers of cases', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => {
    ({ db, cleanup } = tempCache());
    applyChanges(db, [upsert('csat', 1, csat('s1', 'c1', 10, 9, 'Quick, thanks')), upsert('csat', 2, csat('s2', 'c2', 20, 2, 'Nobody called')), upsert('csat', 3, csat('s3', 'c3', 30, 7))], 3);
  });
  afterEach(() => cleanup());

  it('reads the answers of the named cases only, newest first, with their comments', () => {
    expect(csatOfCases(db, ['c1', 'c2', 'gone']).map((s) => [s.id, s.score, s.comment])).toEqual([
      ['s2', 2, 'Nobody called'],
      ['s1', 9, 'Quick, thanks'],
    ]);
    expect(csatOfCases(db, ['gone'])).toEqual([]);
  });

  it('finds them by the case index, not by reading every answer', () => {
    expect(queryPlan(db, CSAT_OF_CASES_SQL, JSON.stringify(['c1'])).join('\n')).toMatch(/SEARCH csat USING INDEX csat_by_case/);
  });
});
