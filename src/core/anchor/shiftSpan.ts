/**
 * Moves a span through one text edit without searching (DESIGN §2: the editor shifts anchors
 * by the exact change deltas). All values are code points.
 */
export interface SpanChange {
  /** Replaced range [start, end) in the text before the edit. */
  start: number;
  end: number;
  /** Length of the text that replaced it. */
  newLength: number;
}

export interface ShiftedSpan {
  start: number;
  end: number;
  /** The edit changed text inside the span: the quote no longer matches (quote-mismatch). */
  touched: boolean;
}

export function shiftSpan(span: { start: number; end: number }, change: SpanChange): ShiftedSpan {
  const a = Math.min(span.start, span.end);
  const b = Math.max(span.start, span.end);
  const cs = Math.max(0, Math.min(change.start, change.end));
  const ce = Math.max(0, change.start, change.end);
  const inserted = Math.max(0, change.newLength);
  const delta = inserted - (ce - cs);

  if (cs === ce) {
    // Pure insertion: at or before the start shifts, at or after the end stays.
    if (cs <= a) return { start: a + inserted, end: b + inserted, touched: false };
    if (cs >= b) return { start: a, end: b, touched: false };
    return { start: a, end: b + inserted, touched: inserted > 0 };
  }
  if (ce <= a) return { start: a + delta, end: b + delta, touched: false };
  if (cs >= b) return { start: a, end: b, touched: false };
  // Overlap: the span becomes the union of what survives of it and the replacement text.
  return { start: Math.min(a, cs), end: Math.max(b + delta, cs + inserted), touched: true };
}
