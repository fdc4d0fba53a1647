import type Database from 'better-sqlite3-multiple-ciphers';
import type { VocAnswerRow } from '../vocReads';
import type { Alert } from '../../../shared/domain';

/**
 * The Voice of the Customer's reads on SQLite. Answers keep their time only in their JSON row; extracting it is
 * cheap enough for a period's answers (tens of thousands in a large organisation).
 */
export function sqliteVocReads(db: Database.Database) {
  const answersStmt = db.prepare<[number, number], { answer: string; kase: string | null; customer_name: string | null }>(
    `SELECT s.data AS answer, c.data AS kase, json_extract(u.data, '$.name') AS customer_name
     FROM csat s LEFT JOIN cases c ON c.id = s.case_id LEFT JOIN customers u ON u.id = c.customer_id
     WHERE json_extract(s.data, '$.createdAt') >= ? AND json_extract(s.data, '$.createdAt') < ?
     ORDER BY json_extract(s.data, '$.createdAt') DESC, s.id DESC`,
  );
  const alertsStmt = db.prepare<[number, number], { alert: string; kase: string | null }>(
    `SELECT a.data AS alert, c.data AS kase FROM alerts a LEFT JOIN cases c ON c.id = json_extract(a.data, '$.caseId')
     WHERE a.raised_at >= ? AND a.raised_at < ? ORDER BY a.raised_at, a.id`,
  );
  return {
    vocAnswers: (from: number, to: number): VocAnswerRow[] =>
      answersStmt.all(from, to).map((r) => ({ answer: JSON.parse(r.answer), kase: r.kase === null ? null : JSON.parse(r.kase), customerName: r.customer_name })),
    vocAlerts: (from: number, to: number) =>
      alertsStmt.all(from, to).map((r) => ({ alert: JSON.parse(r.alert) as Alert, kase: r.kase === null ? null : JSON.parse(r.kase) })),
  };
}
