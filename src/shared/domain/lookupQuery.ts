/**
 * What a customer lookup was given, read the same way by the workstation (which asks for one more detail
 * before a name goes to the hub) and the hub (which finds customers by it). An exact identifier finds a
 * customer on its own; a name needs one more detail (docs/architecture.md, "Who may see what").
 */
export type LookupKind = 'email' | 'phone' | 'loyalty' | 'handle' | 'name';

/** Phone numbers as people write them: digits, spaces, +, dashes, dots, slashes and brackets. */
export const looksLikeNumber = (text: string): boolean => /^[+\d\s().\-/]+$/.test(text.trim()) && /\d/.test(text);

export function lookupKind(query: string): LookupKind {
  const q = query.trim();
  if (q.startsWith('@')) return 'handle';
  if (q.includes('@')) return 'email';
  if (looksLikeNumber(q)) return 'phone';
  // Loyalty numbers (and handles such as `fb:1234`) carry digits; names do not.
  if (/\d/.test(q)) return 'loyalty';
  return 'name';
}
