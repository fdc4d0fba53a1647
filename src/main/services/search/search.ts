import type { Customer, Interaction } from '../../../shared/domain';
import type { Db } from '../cache/database';
import { parseRows } from '../cache/rows';
import { foldText as fold, foldedWords as words } from '../../../shared/text/fold';
import { looksLikeNumber, phoneQueryDigits } from './phone';

const quote = (token: string) => `"${token.replace(/"/g, '""')}"`;

/** Every word must match, the last one (still being typed) as a prefix; the others too, for "kow anna". */
function textMatch(query: string): string | null {
  const tokens = words(fold(query));
  return tokens.length === 0 ? null : tokens.map((t) => `${quote(t)}*`).join(' ');
}

/**
 * The FTS5 MATCH expression for a customer lookup: a number typed with any formatting is looked up among
 * phones and loyalty numbers by its digits; anything else by words in every column.
 */
export function customerMatch(query: string): string | null {
  if (!looksLikeNumber(query)) return textMatch(query);
  return `{phones loyalty} : (${phoneQueryDigits(query).map((d) => `${quote(d)}*`).join(' OR ')})`;
}

// bm25 is near zero for words most rows contain and large for rare ones. Ordering by its whole-number part,
// then by date, gives relevance where the words are selective and newest first where they are not.
const RANK = (fts: string, weights = '') => `round(bm25(${fts}${weights}))`;

/** SQL of the customer search, exported for query-plan tests. */
export const CUSTOMER_SEARCH_SQL = `
  SELECT c.data FROM customers_fts f JOIN customers c ON c.rowid = f.rowid
  WHERE customers_fts MATCH ? ORDER BY ${RANK('customers_fts', ', 10.0, 4.0, 4.0, 4.0')}, c.updated_at DESC LIMIT ?`;

/** How many of the newest matches a message search looks at. */
export const INTERACTION_CANDIDATES = 500;

/**
 * SQL of the interaction search, exported for query-plan tests: the newest matches by time key (FTS5 walks
 * its index backwards and stops), with their bm25 rank.
 */
export const INTERACTION_SEARCH_SQL = `
  SELECT i.data, round(h.rank) AS score FROM (
    SELECT rowid AS tkey, rank FROM interactions_fts WHERE interactions_fts MATCH ? ORDER BY rowid DESC LIMIT ${INTERACTION_CANDIDATES}
  ) h JOIN interaction_search_keys k ON k.tkey = h.tkey JOIN interactions i ON i.rowid = k.row_id
  ORDER BY h.tkey DESC`;

/** Customers by name, email, phone (any formatting) or loyalty number; as-you-type. */
export function searchCustomers(db: Db, query: string, limit = 20): Customer[] {
  const match = customerMatch(query);
  return match === null ? [] : parseRows<Customer>(db.prepare(CUSTOMER_SEARCH_SQL).all(match, limit) as { data: string }[]);
}

/**
 * Messages and notes containing the words (prefix-matched). Selective words (fewer matches than the candidates
 * looked at) come most relevant first, then newest; common words come newest first.
 */
export function searchInteractions(db: Db, query: string, limit = 50): Interaction[] {
  const match = textMatch(query);
  if (match === null) return [];
  const hits = db.prepare(INTERACTION_SEARCH_SQL).all(match) as { data: string; score: number }[];
  // Stable sort: equal scores keep the newest-first order of the query.
  if (hits.length < INTERACTION_CANDIDATES) hits.sort((a, b) => a.score - b.score);
  return parseRows<Interaction>(hits.slice(0, limit));
}
