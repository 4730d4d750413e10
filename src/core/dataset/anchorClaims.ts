/**
 * Anchors every claim of a sidecar against its article (DESIGN §2). In the editor, spans the
 * extension shifted by edit deltas ("live" spans) replace the search: a live span whose text is
 * the quote is exact, any other is a quote-mismatch.
 */
import { resolveQuote } from '../anchor';
import type { AnchoredClaim, ClaimAnchor } from '../rules/rule';
import { distance } from '../rules/suggest';
import type { ArticleFile, SidecarFile } from './files';

export interface LiveSpan {
  start: number;
  end: number;
  touched: boolean;
}

export function anchorClaims(sidecar: SidecarFile, article: ArticleFile | undefined, live?: ReadonlyMap<string, LiveSpan>): AnchoredClaim[] {
  const index = article?.index;
  return sidecar.model.claims.map((claim) => {
    const quote = claim.quote;
    if (!quote || !index) return { claim, anchor: undefined };
    const span = claim.id === undefined ? undefined : live?.get(claim.id);
    if (span) {
      const current = index.sliceCp(span.start, span.end);
      // Judged by the text, not by the edit history: an edit undone by hand, or a quote updated
      // to the edited words, is exact again.
      const anchor: ClaimAnchor = current === quote.exact
        ? { status: 'exact', start: span.start, end: span.end, score: 1 }
        : { status: 'mismatch', start: span.start, end: span.end, score: similarityOf(quote.exact, current) };
      return { claim, anchor };
    }
    const r = resolveQuote(quote, index);
    // A fuzzy match over the stored span means the words were edited in place.
    const inPlace = r.status === 'drifted' && r.start < quote.end && quote.start < r.end;
    const anchor: ClaimAnchor = { status: inPlace ? 'mismatch' : r.status, start: r.start, end: r.end, score: r.score };
    if (r.candidates) anchor.candidates = r.candidates;
    return { claim, anchor };
  });
}

/** 1 − edit distance / length, on at most 2,000 characters (the cost is quadratic). */
export function similarityOf(a: string, b: string): number {
  const x = a.slice(0, 2000);
  const y = b.slice(0, 2000);
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : Math.max(0, 1 - distance(x, y) / longest);
}
