import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyChanges } from '../cache/applyChanges';
import type { Db } from '../cache/database';
import { getRow } from '../cache/rows';
import { listSetAsideRows } from '../cache/setAsideRows';
import { customer, kase, remove, tempCache, upsert } from '../testing/fixtures';
import { acceptRows } from './acceptRows';

/** A customer row as an older hub may have stored it: `a@b.c` fails the workstation's email check. */
const badCustomer = (seq: number, over: Record<string, unknown> = {}) => ({ ...upsert('customer', seq, customer()), data: { ...customer(), emails: ['a@b.c'], ...over } });

describe('acceptRows', () => {
  let db: Db;
  let cleanup: () => void;
  beforeEach(() => ({ db, cleanup } = tempCache()));
  afterEach(() => cleanup());

  it('keeps the rows that parse and sets aside the one that does not, saying where it is wrong but not what it holds', () => {
    const { rows, setAside } = acceptRows(db, [upsert('case', 4, kase()), badCustomer(5), remove('interaction', 6, 'in9')]);
    expect(rows.map((r) => `${r.entity}:${r.id}`)).toEqual(['case:ca1', 'interaction:in9']);
    expect(setAside).toEqual([{ entity: 'customer', id: 'cu1', seq: 5, problem: 'emails.0: invalid_format email' }]);
    expect(listSetAsideRows(db)).toEqual([{ entity: 'customer', id: 'cu1', seq: 5, problem: 'emails.0: invalid_format email', setAsideAt: expect.any(Number) }]);
  });

  it('names at most five problems of a row and what was expected, never a value', () => {
    const [row] = acceptRows(db, [badCustomer(5, { name: 42, language: 'Klingon', emails: ['x', 'y', 'z'], phones: 'secret-number' })]).setAside;
    expect(row.problem).toMatch(/^name: invalid_type string; /);
    expect(row.problem.split('; ')).toHaveLength(6);
    expect(row.problem).toMatch(/; \d more$/);
    expect(row.problem).not.toMatch(/Klingon|secret|42/);
  });

  it('sets aside a change that is not even a change, with what it claims to be', () => {
    expect(acceptRows(db, [{ seq: 'x', entity: 'rocket', id: 'r1', op: 'upsert', data: {} }, null]).setAside).toEqual([
      { entity: 'rocket', id: 'r1', seq: 0, problem: expect.stringContaining('seq: invalid_type number') },
      { entity: '?', id: '?', seq: 0, problem: '(row): invalid_type object' },
    ]);
  });

  it('reports a version once: asking for the same page again (a restart) sets nothing new aside', () => {
    expect(acceptRows(db, [badCustomer(5)]).setAside).toHaveLength(1);
    expect(acceptRows(db, [badCustomer(5)]).setAside).toEqual([]);
    expect(acceptRows(db, [badCustomer(3)]).setAside).toEqual([]);
    expect(acceptRows(db, [badCustomer(8)]).setAside).toEqual([expect.objectContaining({ seq: 8 })]);
    expect(listSetAsideRows(db).map((r) => r.seq)).toEqual([8]);
  });

  it('does not set aside a version older than the row the cache holds (a pull replaying the log after a snapshot)', () => {
    applyChanges(db, [upsert('customer', 9, customer())], 9);
    expect(acceptRows(db, [badCustomer(5)]).setAside).toEqual([]);
    applyChanges(db, [remove('customer', 12, 'cu1')], 12);
    expect(acceptRows(db, [badCustomer(11)]).setAside).toEqual([]);
    expect(listSetAsideRows(db)).toEqual([]);
  });

  it('forgets a row set aside once a newer valid version of it is applied, and only then', () => {
    applyChanges(db, [upsert('customer', 2, customer({ name: 'Before' }))], 2);
    acceptRows(db, [badCustomer(5)]);
    expect(getRow(db, 'customer', 'cu1')?.name).toBe('Before');
    applyChanges(db, [upsert('customer', 3, customer({ name: 'Older' })), upsert('case', 6, kase())], 6);
    expect(listSetAsideRows(db).map((r) => `${r.entity}:${r.id}`)).toEqual(['customer:cu1']);
    const { rows } = acceptRows(db, [upsert('customer', 7, customer({ name: 'Corrected' }))]);
    applyChanges(db, rows, 7);
    expect(getRow(db, 'customer', 'cu1')?.name).toBe('Corrected');
    expect(listSetAsideRows(db)).toEqual([]);
  });
});
