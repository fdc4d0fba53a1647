/**
 * Canned responses in the composer: typing `/` at the start of a word opens a search of the agent's canned
 * responses by shortcut and title; picking one replaces the `/query` with the response's body.
 */
import type { CannedResponse } from '../../../shared/domain';
import { foldText } from '../../../shared/text/fold';

/** The `/query` being typed just before the caret, with its position in the draft. */
export interface SlashQuery {
  query: string;
  start: number;
  end: number;
}

/** The slash command ending at `caret`, or null when the caret is not in one. */
export function slashQueryAt(draft: string, caret: number): SlashQuery | null {
  const before = draft.slice(0, caret);
  const match = /(?:^|\s)\/([^\s/]*)$/u.exec(before);
  if (match === null) return null;
  const query = match[1] ?? '';
  return { query, start: caret - query.length - 1, end: caret };
}

/** Responses whose shortcut or title holds the query (accents ignored), shortcut matches first. */
export function searchCanned(canned: readonly CannedResponse[], query: string, limit = 8): CannedResponse[] {
  const q = foldText(query);
  const byShortcut = canned.filter((c) => foldText(c.shortcut).startsWith(q));
  const byTitle = canned.filter((c) => !byShortcut.includes(c) && foldText(`${c.shortcut} ${c.title}`).includes(q));
  return [...byShortcut, ...byTitle].slice(0, limit);
}

/** The draft with the slash command replaced by the response's body, and where the caret goes after it. */
export function insertCanned(draft: string, slash: SlashQuery, response: CannedResponse): { draft: string; caret: number } {
  const next = draft.slice(0, slash.start) + response.body + draft.slice(slash.end);
  return { draft: next, caret: slash.start + response.body.length };
}
