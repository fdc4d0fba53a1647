import type { Alert, Case } from '../../../shared/domain';
import type { VocAnswerRow, VocReads } from '../vocReads';
import type { Run } from './run';

/**
 * The Voice of the Customer's reads on PostgreSQL (the same rows as sqlite/vocReads.ts). Answers keep their
 * time only in their JSON row; extracting it is cheap enough for a period's answers.
 */
const ANSWERS = {
  name: 'voc-answers',
  text: `SELECT s.data AS answer, c.data AS kase, u.data::jsonb ->> 'name' AS customer_name
         FROM csat s LEFT JOIN cases c ON c.id = s.case_id LEFT JOIN customers u ON u.id = c.customer_id
         WHERE (s.data::jsonb ->> 'createdAt')::bigint >= $1 AND (s.data::jsonb ->> 'createdAt')::bigint < $2
         ORDER BY (s.data::jsonb ->> 'createdAt')::bigint DESC, s.id DESC`,
};
const ALERTS = {
  name: 'voc-alerts',
  text: `SELECT a.data AS alert, c.data AS kase FROM alerts a LEFT JOIN cases c ON c.id = a.case_id
         WHERE a.raised_at >= $1 AND a.raised_at < $2 ORDER BY a.raised_at, a.id`,
};

export function pgVocReads(run: Run): VocReads {
  return {
    async vocAnswers(from, to) {
      const rows = await run<{ answer: string; kase: string | null; customer_name: string | null }>(ANSWERS, [from, to]);
      return rows.map((r): VocAnswerRow => ({ answer: JSON.parse(r.answer), kase: r.kase === null ? null : (JSON.parse(r.kase) as Case), customerName: r.customer_name }));
    },
    async vocAlerts(from, to) {
      const rows = await run<{ alert: string; kase: string | null }>(ALERTS, [from, to]);
      return rows.map((r) => ({ alert: JSON.parse(r.alert) as Alert, kase: r.kase === null ? null : (JSON.parse(r.kase) as Case) }));
    },
  };
}
