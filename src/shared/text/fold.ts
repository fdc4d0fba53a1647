/** Letters that Unicode does not decompose into a base letter plus a mark. */
const SPECIAL: Record<string, string> = { ł: 'l', Ł: 'l', ß: 'ss', æ: 'ae', ø: 'o', đ: 'd', ς: 'σ' };
const SPECIAL_RE = /[łŁßæøđς]/g;
const MARKS_RE = /\p{M}+/gu;

/**
 * Folds text for matching: lower case, no diacritics or accents (Polish "Łódź" -> "lodz", Greek "Γιώργος" ->
 * "γιωργοσ", final sigma as σ), so what people type without them still finds what was written with them.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(MARKS_RE, '').toLowerCase().replace(SPECIAL_RE, (ch) => SPECIAL[ch] ?? ch);
}
