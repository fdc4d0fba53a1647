/**
 * The draft cut into plain and highlighted pieces, so the tone panel can show where each hint applies.
 */
import type { Severity, ToneHint } from '../../../shared/assist';

export interface DraftSegment {
  text: string;
  /** The hint this piece belongs to (its index in the hint list), or null for plain text. */
  hint: number | null;
  severity: Severity | null;
}

/** Splits `draft` at the spans of `hints` (the assist engine's spans do not overlap). */
export function draftSegments(draft: string, hints: readonly ToneHint[]): DraftSegment[] {
  const spans = hints
    .map((h, index) => ({ index, severity: h.severity, span: h.span }))
    .filter((h): h is { index: number; severity: Severity; span: NonNullable<ToneHint['span']> } => h.span !== undefined && h.span.end <= draft.length)
    .sort((a, b) => a.span.start - b.span.start);
  const segments: DraftSegment[] = [];
  let at = 0;
  for (const { index, severity, span } of spans) {
    if (span.start < at) continue;
    if (span.start > at) segments.push({ text: draft.slice(at, span.start), hint: null, severity: null });
    segments.push({ text: draft.slice(span.start, span.end), hint: index, severity });
    at = span.end;
  }
  if (at < draft.length) segments.push({ text: draft.slice(at), hint: null, severity: null });
  return segments;
}
