/**
 * @mentions in internal notes: typing `@` at the start of a word opens a search of colleagues by name; picking one
 * writes `@Their Name` into the note. Whoever is still named that way when the note is added is notified.
 */
import { foldedWords, foldText } from '../../../shared/text/fold';

/** A colleague who can be mentioned. */
export interface Mentionable {
  id: string;
  name: string;
}

/** The `@query` being typed just before the caret, with its position in the draft. */
export interface MentionQuery {
  query: string;
  start: number;
  end: number;
}

/** The mention being typed ending at `caret` (one word after `@`), or null when the caret is not in one. */
export function mentionQueryAt(draft: string, caret: number): MentionQuery | null {
  const match = /(?:^|\s)@([^\s@]*)$/u.exec(draft.slice(0, caret));
  if (match === null) return null;
  const query = match[1] ?? '';
  return { query, start: caret - query.length - 1, end: caret };
}

/** Colleagues with a word of their name starting with the query (case and accents ignored), by name. */
export function searchMentionable(people: readonly Mentionable[], query: string, limit = 6): Mentionable[] {
  const q = foldText(query);
  return people
    .filter((p) => q === '' || foldedWords(foldText(p.name)).some((w) => w.startsWith(q)))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** The draft with the `@query` replaced by `@Name ` and where the caret goes after it. */
export function insertMention(draft: string, at: MentionQuery, person: Mentionable): { draft: string; caret: number } {
  const written = `@${person.name} `;
  return { draft: draft.slice(0, at.start) + written + draft.slice(at.end), caret: at.start + written.length };
}

/** Ids of the picked colleagues still named (`@Name`) in the text: a mention deleted from the note tells nobody. */
export function mentionedIn(text: string, picked: readonly Mentionable[]): string[] {
  return [...new Set(picked.filter((p) => text.includes(`@${p.name}`)).map((p) => p.id))];
}
