import type { AuditFilter } from './hubStore';

/**
 * The audit trail's query, one definition for both engines: only the conditions asked for, so each combination
 * is planned on its own and the indexes on (actor_id, at), (queue_id, at), (case_id, at) and (at) serve it.
 * Newest first; entries written in one unit of work share their time, so the id breaks ties and the paging
 * cursor is (before, beforeId). `param(i)` writes the i-th placeholder (1-based) as the engine wants it.
 */
export interface AuditSql {
  /** Names the combination of conditions (and the number of actions): one prepared statement each. */
  key: string;
  text: string;
  values: unknown[];
}

export function auditSql(f: AuditFilter, param: (i: number) => string): AuditSql {
  const values: unknown[] = [];
  const p = (v: unknown) => {
    values.push(v);
    return param(values.length);
  };
  const where: string[] = [];
  const key: string[] = [];
  const add = (code: string, cond: string) => {
    key.push(code);
    where.push(cond);
  };
  if (f.actorId !== undefined) add('a', `actor_id = ${p(f.actorId)}`);
  if (f.queueId !== undefined) add('q', `queue_id = ${p(f.queueId)}`);
  if (f.caseId !== undefined) add('c', `case_id = ${p(f.caseId)}`);
  if (f.actions !== undefined) add(`n${f.actions.length}`, f.actions.length === 0 ? 'FALSE' : `action IN (${f.actions.map((a) => p(a)).join(', ')})`);
  if (f.from !== undefined) add('f', `at >= ${p(f.from)}`);
  if (f.to !== undefined) add('t', `at < ${p(f.to)}`);
  if (f.before !== undefined) {
    if (f.beforeId !== undefined) add('bi', `(at < ${p(f.before)} OR (at = ${p(f.before)} AND id < ${p(f.beforeId)}))`);
    else add('b', `at < ${p(f.before)}`);
  }
  const text = `SELECT data FROM audit${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ${p(f.limit)}`;
  return { key: key.join('-'), text, values };
}
