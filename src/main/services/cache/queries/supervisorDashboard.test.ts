import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../database';
import { applyChanges } from '../applyChanges';
import { interaction, kase, tempCache, upsert } from '../../testing/fixtures';
import { csatSinceAmong, latestInboundTexts, listCsatSince, listSupervisedCases, supervisedCasesAmong } from './supervisorDashboard';

const csat = (id: string, createdAt: number, score: number) => ({ id, caseId: 'c1', customerId: 'cu1', queueId: 'q1', score, comment: null, createdAt });

describe('supervisor dashboard queries', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => {
    ({ db, cleanup } = tempCache());
    applyChanges(
      db,
      [
        upsert('case', 1, kase({ id: 'open-theirs', assigneeId: 'st9' })),
        upsert('case', 2, kase({ id: 'resolved-today', status: 'resolved', updatedAt: 5_000 })),
        upsert('case', 3, kase({ id: 'resolved-long-ago', status: 'closed', updatedAt: 10 })),
        upsert('interaction', 4, interaction({ id: 'i1', caseId: 'open-theirs', direction: 'inbound', createdAt: 1, text: 'first' })),
        upsert('interaction', 5, interaction({ id: 'i2', caseId: 'open-theirs', direction: 'outbound', createdAt: 2, text: 'ours' })),
        upsert('interaction', 6, interaction({ id: 'i3', caseId: 'open-theirs', direction: 'inbound', createdAt: 3, text: 'second' })),
        upsert('csat', 7, csat('s-old', 10, 9)),
        upsert('csat', 8, csat('s-today', 5_000, 2)),
      ],
      8,
    );
  });
  afterEach(() => cleanup());

  it('lists every open case, whoever holds it, and the cases touched since the start of the day', () => {
    expect(listSupervisedCases(db, 1_000).map((c) => c.id).sort()).toEqual(['open-theirs', 'resolved-today']);
  });

  it('lists the day’s survey answers and a case’s newest customer messages, oldest first', () => {
    expect(listCsatSince(db, 1_000).map((s) => s.id)).toEqual(['s-today']);
    expect(latestInboundTexts(db, 'open-theirs')).toEqual(['first', 'second']);
  });

  it('reads only the named cases, and the cases of named messages, saying which named cases left the dashboard', () => {
    const { cases, gone } = supervisedCasesAmong(db, 1_000, ['resolved-today', 'resolved-long-ago', 'no-such-case'], ['i3']);
    expect(cases.map((c) => c.id).sort()).toEqual(['open-theirs', 'resolved-today']);
    expect(gone.sort()).toEqual(['no-such-case', 'resolved-long-ago']);
    expect(supervisedCasesAmong(db, 1_000, [], [])).toEqual({ cases: [], gone: [] });
  });

  it('reads only the named survey answers of the day', () => {
    expect(csatSinceAmong(db, 1_000, ['s-old', 's-today', 's-none']).map((s) => s.id)).toEqual(['s-today']);
  });
});
