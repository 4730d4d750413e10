/**
 * Anchors every claim of a sidecar against its article (DESIGN §2). In the editor, spans the
 * extension shifted by edit deltas ("live" spans) replace the search: a live span whose text is
 * the quote is exact, any other is a quote-mismatch.
 */
import { resolveQuote } from '../anchor';
import type { AnchoredClaim, ClaimAnchor } from '../rules/rule';
import type { Claim } from '../model/sidecar';
import { distance } from '../rules/suggest';
import type { ArticleFile, SidecarFile } from './files';

export interface LiveSpan {
  start: number;
  end: number;
  touched: boolean;
}

export function anchorClaims(sidecar: SidecarFile, article: ArticleFile | undefined, live?: ReadonlyMap<string, LiveSpan>): AnchoredClaim[] {
  return sidecar.model.claims.map((claim) => ({ claim, anchor: anchorOf(claim, article, live) }));
}

function anchorOf(claim: Claim, article: ArticleFile | undefined, live: ReadonlyMap<string, LiveSpan> | undefined): ClaimAnchor | undefined {
  const index = article?.index;
  const quote = claim.quote;
  if (!quote || !index) return undefined;
  const span = claim.id === undefined ? undefined : live?.get(claim.id);
  if (span) {
    // `sliceCp(span) === exact`, without copying the slice out of a long article.
    const s16 = index.cpToText16(span.start);
    const e16 = index.cpToText16(span.end);
    // Judged by the text, not by the edit history: an edit undone by hand, or a quote updated to
    // the edited words, is exact again.
    const same = e16 - s16 === quote.exact.length && index.text.startsWith(quote.exact, s16);
    return same
      ? { status: 'exact', start: span.start, end: span.end, score: 1 }
      : { status: 'mismatch', start: span.start, end: span.end, score: similarityOf(quote.exact, index.sliceCp(span.start, span.end)) };
  }
  const r = resolveQuote(quote, index);
  // A fuzzy match over the stored span means the words were edited in place.
  const inPlace = r.status === 'drifted' && r.start < quote.end && quote.start < r.end;
  const anchor: ClaimAnchor = { status: inPlace ? 'mismatch' : r.status, start: r.start, end: r.end, score: r.score };
  if (r.candidates) anchor.candidates = r.candidates;
  return anchor;
}

/**
 * `anchorClaims` across checks: a claim keeps its anchor while the claim, its article and its
 * live span are unchanged, and keeps its AnchoredClaim object while the anchor found is equal,
 * so what depends on it can tell by identity that nothing changed.
 */
export class AnchorMemo {
  private readonly memo = new WeakMap<Claim, Memo>();

  /**
   * `shift`: where the article was edited since the last call (code points), when only that
   * changed; a live span the editor moved with the edit, away from it, keeps its anchor, moved.
   */
  anchor(sidecar: SidecarFile, article: ArticleFile | undefined, live?: ReadonlyMap<string, LiveSpan>, shift?: { start: number; oldEnd: number; newEnd: number }): AnchoredClaim[] {
    // The same article and no editor spans: claims that are the same objects keep their anchors.
    const last = this.last;
    const claims = sidecar.model.claims;
    if (last && !live && last.article === article && last.claims.length === claims.length) {
      const out = last.anchored.slice();
      for (let i = 0; i < claims.length; i++) if (claims[i] !== last.claims[i]) out[i] = this.one(claims[i] as Claim, this.memo.get(claims[i] as Claim), article, undefined, undefined);
      this.memos = undefined;
      this.last = { article, claims, anchored: out };
      return out;
    }
    const anchored: AnchoredClaim[] = new Array(claims.length);
    // The same claims as last time (typing in the article): their memos by position, not by lookup.
    const memos = this.memos?.claims === claims ? this.memos.list : undefined;
    const list: Memo[] = new Array(claims.length);
    for (let i = 0; i < claims.length; i++) {
      const claim = claims[i] as Claim;
      const memo = memos ? (memos[i] as Memo) : this.memo.get(claim);
      anchored[i] = this.one(claim, memo, article, live, shift, list, i);
    }
    this.memos = { claims, list };
    this.last = live ? undefined : { article, claims, anchored };
    return anchored;
  }

  private last: { article: ArticleFile | undefined; claims: readonly Claim[]; anchored: AnchoredClaim[] } | undefined;
  private memos: { claims: readonly Claim[]; list: Memo[] } | undefined;

  private one(
    claim: Claim,
    known: Memo | undefined,
    article: ArticleFile | undefined,
    live: ReadonlyMap<string, LiveSpan> | undefined,
    shift: { start: number; oldEnd: number; newEnd: number } | undefined,
    list?: Memo[],
    i = 0,
  ): AnchoredClaim {
    const span = claim.id === undefined ? undefined : live?.get(claim.id);
    if (list) list[i] = known as Memo; // replaced below when new
    if (known && known.article === article && sameSpan(known, span)) return known.anchored;
    const carried = known && span && shift && known.live && known.touched === span.touched && known.article?.path === article?.path ? carry(known, span, shift) : undefined;
    let anchored: AnchoredClaim;
    if (carried) anchored = carried === known?.anchored.anchor ? known.anchored : { claim, anchor: carried };
    else {
      const anchor = anchorOf(claim, article, live);
      anchored = known && sameAnchor(known.anchored.anchor, anchor) ? known.anchored : { claim, anchor };
    }
    // The memo is private: updated in place, one object per claim for the claim's lifetime.
    const memo = known ?? ({} as Memo);
    memo.article = article;
    memo.live = span !== undefined;
    memo.start = span?.start ?? 0;
    memo.end = span?.end ?? 0;
    memo.touched = span?.touched ?? false;
    memo.anchored = anchored;
    if (!known) this.memo.set(claim, memo);
    if (list) list[i] = memo;
    return anchored;
  }
}

interface Memo {
  article: ArticleFile | undefined;
  /** The live span the anchor was found with, if any (copied: the editor's spans change in place). */
  live: boolean;
  start: number;
  end: number;
  touched: boolean;
  anchored: AnchoredClaim;
}

/**
 * The anchor found for a live span, carried to where the editor moved that span: the text inside
 * it is untouched by the edit (the span lies wholly before or after it), so the verdict stands.
 */
function carry(m: Memo, span: LiveSpan, shift: { start: number; oldEnd: number; newEnd: number }): ClaimAnchor | undefined {
  const old = m.anchored.anchor;
  if (!old || old.candidates || old.start !== m.start || old.end !== m.end) return undefined;
  const d = m.end <= shift.start ? 0 : m.start >= shift.oldEnd ? shift.newEnd - shift.oldEnd : undefined;
  if (d === undefined || span.start !== m.start + d || span.end !== m.end + d) return undefined;
  // Spelled out (no candidates, checked above): thousands are made per keystroke.
  return d === 0 ? old : { status: old.status, start: span.start, end: span.end, score: old.score };
}

function sameSpan(m: Memo, span: LiveSpan | undefined): boolean {
  return span === undefined ? !m.live : m.live && m.start === span.start && m.end === span.end && m.touched === span.touched;
}

export function sameAnchor(a: ClaimAnchor | undefined, b: ClaimAnchor | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.status !== b.status || a.start !== b.start || a.end !== b.end || a.score !== b.score) return false;
  const x = a.candidates ?? [];
  const y = b.candidates ?? [];
  return (a.candidates === undefined) === (b.candidates === undefined) && x.length === y.length && x.every((c, i) => c.start === y[i]?.start && c.end === y[i]?.end && c.score === y[i]?.score);
}

/** 1 − edit distance / length, on at most 2,000 characters (the cost is quadratic). */
export function similarityOf(a: string, b: string): number {
  const x = a.slice(0, 2000);
  const y = b.slice(0, 2000);
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : Math.max(0, 1 - distance(x, y) / longest);
}
