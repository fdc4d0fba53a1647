import type { Alert, Case, CsatResponse } from '../../shared/domain';

/** A survey answer with its case as it is now (null when the case is gone) and that case's customer's name. */
export interface VocAnswerRow {
  answer: CsatResponse;
  kase: Case | null;
  customerName: string | null;
}

/** The Voice of the Customer's reads (src/server/reports/vocFor.ts), in both engines (sqlite/vocReads.ts, pg/vocReads.ts). */
export interface VocReads {
  /** Survey answers given in `[from, to)`, newest first (then by id, descending). */
  vocAnswers(from: number, to: number): Promise<VocAnswerRow[]>;
  /** Red alerts raised in `[from, to)`, oldest first, each with its case as it is now (null when gone). */
  vocAlerts(from: number, to: number): Promise<Array<{ alert: Alert; kase: Case | null }>>;
}
