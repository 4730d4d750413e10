/** Anchoring of claim quotes in article text (DESIGN §2). */
export type { AnchorCandidate, AnchorResult, AnchorStatus, QuoteSelector } from './types';
export { pendingSearch, resolveQuote, type ResolveOptions } from './resolveQuote';
export { carryScans, type TextScan } from './textScans';
export { makeQuote, CONTEXT_LENGTH } from './makeQuote';
export { shiftSpan, type ShiftedSpan, type SpanChange } from './shiftSpan';
