import { z } from 'zod';
import { cleanText } from '../text/clean';
import { foldText } from '../text/fold';

/** Longest tag, and most tags on one case: tags are labels to filter by, not notes. */
export const MAX_TAG_LENGTH = 40;
export const MAX_CASE_TAGS = 20;

/**
 * A tag as people type it: cleaned, inner whitespace collapsed to one space, trimmed, 1 to MAX_TAG_LENGTH
 * characters. Its spelling is kept for display; tags are compared by tagKey.
 */
export const TagSchema = z
  .string()
  .max(MAX_TAG_LENGTH * 4)
  .transform((t) => cleanText(t).replace(/\s+/gu, ' ').trim())
  .pipe(z.string().min(1).max(MAX_TAG_LENGTH));

/** What two tags are compared by: the one folding of text, so "Zwrot" and "zwrót" are one tag. */
export const tagKey = (tag: string): string => foldText(tag);

/** A case's tags; rows written before tags existed have none. */
export const caseTags = (c: { tags?: readonly string[] | undefined }): readonly string[] => c.tags ?? [];

/**
 * `tags` with `add` added (those not there already by key, in the order given) and `remove` taken away (by key).
 * The count is not capped here: the hub refuses more than MAX_CASE_TAGS, the screen says why.
 */
export function withTags(tags: readonly string[], add: readonly string[], remove: readonly string[] = []): string[] {
  const gone = new Set(remove.map(tagKey));
  const kept = tags.filter((t) => !gone.has(tagKey(t)));
  const keys = new Set(kept.map(tagKey));
  for (const t of add) {
    const key = tagKey(t);
    if (gone.has(key) || keys.has(key)) continue;
    keys.add(key);
    kept.push(t);
  }
  return kept;
}
