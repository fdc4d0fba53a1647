/**
 * THE folding of text for matching, used wherever typed text is compared with stored text: the workstation's
 * search index and its queries, the hub's customer lookup (its stored `name_fold` and name starts), subject
 * threading, the case brief's tokeniser and the console's filters. One rule, so that what local search finds
 * the hub's lookup finds too.
 *
 * The rule, in order:
 * 1. NFKD: accented letters split into base letter plus marks, and compatibility forms become their plain
 *    letters (ligatures "ﬁ" -> "fi", full-width "Ａ" -> "A", Greek symbol forms "ϐ" -> "β", long s "ſ" -> "s").
 * 2. Every combining mark (\p{M}) dropped: Polish ą ę ś ź ż ó ć ń, Greek tonos and dialytika ("ΐ" -> "ι").
 * 3. Lower case (which also writes a word-final capital sigma as ς).
 * 4. Letters Unicode does not take apart, written as people type them without the key: ł -> l, đ -> d,
 *    ø -> o, ß -> ss, æ -> ae, œ -> oe, dotless ı -> i, and Greek final ς -> σ ("Γιώργος" and "γιωργοσ" meet).
 * Folding may change the length of the text (ß -> ss), so offsets into the original are not kept.
 */
const LETTERS: Readonly<Record<string, string>> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', ς: 'σ' };
const SPECIAL = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');
const MARKS = /\p{M}+/gu;

/** Folds text for matching (see the rule above): "Łódź" -> "lodz", "ΣΟΦΊΑ Παπαδόπουλος" -> "σοφια παπαδοπουλοσ". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SPECIAL, (ch) => LETTERS[ch] ?? ch);
}

/** The words of a folded text (runs of letters and digits), as the search index's tokenizer sees them. */
export const foldedWords = (folded: string): string[] => folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
