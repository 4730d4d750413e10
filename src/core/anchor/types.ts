/** Anchoring data types (DESIGN §2). All offsets are code points into the normalised text. */

/** W3C Web Annotation TextQuoteSelector plus the TextPositionSelector offsets it was made at. */
export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}

export type AnchorStatus = 'exact' | 'moved' | 'drifted' | 'ambiguous' | 'orphaned';

export interface AnchorCandidate {
  start: number;
  end: number;
  /** Similarity of the candidate's text to the quote, 0..1 (1 for an exact occurrence). */
  score: number;
}

export interface AnchorResult {
  status: AnchorStatus;
  /** Found span; for orphaned, the quote's own offsets clamped to the text (or 0, 0). */
  start: number;
  end: number;
  /** 1 for exact/moved; quote similarity for drifted; best candidate's for ambiguous; 0 orphaned. */
  score: number;
  /** For ambiguous: the tied candidates, best first. */
  candidates?: AnchorCandidate[];
}
