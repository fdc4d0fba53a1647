/**
 * The text of an HTML-only email, for the timeline (which never renders mail HTML): scripts, styles, the head and
 * comments are dropped with everything in them, block ends become line breaks, other tags go, and entities are
 * decoded. One pass over the input with indexOf, so a hostile body costs time in proportion to its length.
 */

/** Elements dropped with their content. */
const DROPPED = ['script', 'style', 'head', 'title', 'template', 'noscript', 'svg', 'object'];
/** Elements that end a line. */
const BREAKS = /^\/?(?:br|p|div|li|tr|h[1-6]|blockquote|pre|table|ul|ol|hr)$/;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, code: string) => {
    if (code[0] !== '#') return NAMED[code.toLowerCase()] ?? whole;
    const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : '\uFFFD';
  });
}

/** Plain text of an HTML document or fragment. */
export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (lower.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break; // An unclosed tag at the end: nothing after it is text.
    const name = /^\/?[a-z0-9]*/i.exec(lower.slice(lt + 1, Math.min(gt, lt + 20)))?.[0] ?? '';
    i = gt + 1;
    if (DROPPED.includes(name)) {
      const close = lower.indexOf(`</${name}`, i);
      const closeEnd = close < 0 ? -1 : html.indexOf('>', close);
      i = closeEnd < 0 ? html.length : closeEnd + 1;
    } else if (BREAKS.test(name)) {
      out += '\n';
    }
  }
  return decodeEntities(out)
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
