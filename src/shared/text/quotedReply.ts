/**
 * An email reply split into what the customer wrote now and what their mail program added below it: the quoted
 * history ("On ... wrote:" and the "> " lines) and their signature ("-- "). The timeline shows the new part and
 * folds the rest away; the interaction always keeps the whole text.
 */
export interface ReplyParts {
  /** What the sender wrote now. */
  reply: string;
  /** The quoted history and signature below it, as sent; empty when there is none. */
  folded: string;
}

/** "wrote:" in the attribution line mail programs put above the quoted message, in English, Polish and Greek. */
const WROTE = /(?:wrote|napisał\(a\)|napisała|napisał|έγραψε)\s*:\s*$/iu;
/** A line that begins a forwarded or quoted original in Outlook's style. */
const ORIGINAL = /^\s*-{2,}\s*(?:original message|wiadomość oryginalna|oryginalna wiadomość|αρχικό μήνυμα|forwarded message|wiadomość przekazana|προωθημένο μήνυμα)\s*-{2,}\s*$/iu;
/** The signature separator ("-- ", some programs drop the space). */
const SIGNATURE = /^-- ?$/;

/** An attribution names a date or an address ("On 1 Jan 2026, Anna <a@b> wrote:"), not just someone who wrote. */
const isAttribution = (line: string): boolean => WROTE.test(line) && /[\d@]/.test(line) && line.length <= 400;
const isQuoted = (line: string): boolean => /^\s*>/.test(line);
const isBlank = (line: string): boolean => line.trim() === '';

/** Whether from `i` on the text is only quoted lines and blank ones (up to a signature, which may follow). */
function onlyQuotesFrom(lines: string[], i: number): boolean {
  for (let j = i; j < lines.length; j++) {
    if (SIGNATURE.test(lines[j])) return true;
    if (!isQuoted(lines[j]) && !isBlank(lines[j])) return false;
  }
  return true;
}

/** Where the folded part begins: the line index, or `lines.length` when nothing is folded. */
function foldStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (SIGNATURE.test(line) || ORIGINAL.test(line) || isAttribution(line)) return i;
    // Long attributions are wrapped onto two lines by some programs.
    if (i + 1 < lines.length && !isBlank(line) && isAttribution(`${line} ${lines[i + 1]}`) && isQuoted(lines[i + 2] ?? '>')) return i;
    // A trailing block of quotes; quotes answered in between (inline replies) stay in the reply.
    if (isQuoted(line) && onlyQuotesFrom(lines, i)) return i;
  }
  return lines.length;
}

/** Splits an email's text into the new reply and the quoted history and signature below it. */
export function splitQuotedReply(text: string): ReplyParts {
  const lines = text.split(/\r?\n/);
  const start = foldStart(lines);
  const reply = lines.slice(0, start).join('\n').trimEnd();
  // A message that is nothing but quotes (or a signature) is shown whole: folding must never hide all of it.
  if (reply.trim() === '') return { reply: text, folded: '' };
  return { reply, folded: lines.slice(start).join('\n').replace(/^\s*\n/, '') };
}
