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
import { LiveSpans } from './liveSpans';

export interface LiveSpan {
  start: number;
  end: number;
  touched: boolean;
  /**
   * How often an edit changed the span other than by moving it (shiftLiveSpans counts): while
   * the count stays, the span's text is what it was, and so is an anchor found through it.
   */
  edits?: number;
}

/** An article edit in code points of the normalised text (what anchors count). */
export interface CpShift {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export function anchorClaims(sidecar: SidecarFile, article: ArticleFile | undefined, live?: ReadonlyMap<string, LiveSpan>): AnchoredClaim[] {
  return sidecar.model.claims.map((claim) => ({ claim, anchor: anchorOf(claim, article, claim.id === undefined ? undefined : live?.get(claim.id)) }));
}

function anchorOf(claim: Claim, article: ArticleFile | undefined, span: LiveSpan | undefined): ClaimAnchor | undefined {
  const index = article?.index;
  const quote = claim.quote;
  if (!quote || !index) return undefined;
  if (span) {
    // `sliceCp(span) === exact`, without copying the slice out of a long article.
    const s16 = index.cpToText16(span.start);
    const e16 = index.cpToText16(span.end);
    // Judged by the text, not by the edit history: an edit undone by hand, or a quote updated to
    // the edited words, is exact again.
    const same = e16 - s16 === quote.exact.length && index.text.startsWith(quote.exact, s16);
    return new LiveAnchor(same ? 'exact' : 'mismatch', same ? 1 : similarityOf(quote.exact, index.sliceCp(span.start, span.end)), span);
  }
  const r = resolveQuote(quote, index);
  // A fuzzy match over the stored span means the words were edited in place.
  const inPlace = r.status === 'drifted' && r.start < quote.end && quote.start < r.end;
  const anchor: ClaimAnchor = { status: inPlace ? 'mismatch' : r.status, start: r.start, end: r.end, score: r.score };
  if (r.candidates) anchor.candidates = r.candidates;
  return anchor;
}

/**
 * An anchor found through a live span reads its offsets from the span, which the editor moves
 * in place: an edit elsewhere in the article moves the anchor with no work at all, so a
 * keystroke costs what it touched, not the thousands of claims after it. Its verdict (status,
 * score) stands while the span's edit count does. A result kept between checks shows where its
 * claims are now. Offsets are getters on the class (one shape for all), and `toJSON` writes
 * them out as a plain anchor would.
 */
export class LiveAnchor implements ClaimAnchor {
  constructor(
    readonly status: ClaimAnchor['status'],
    readonly score: number,
    readonly span: LiveSpan,
  ) {}

  get start(): number {
    return this.span.start;
  }

  get end(): number {
    return this.span.end;
  }

  toJSON(): ClaimAnchor {
    return { status: this.status, start: this.start, end: this.end, score: this.score };
  }
}

/**
 * `anchorClaims` across checks: a claim keeps its anchor while the claim, its article and its
 * live span's text are unchanged, and keeps its AnchoredClaim object while the anchor found is
 * equal, so what depends on it can tell by identity that nothing changed.
 */
export class AnchorMemo {
  private readonly memo = new WeakMap<Claim, Memo>();
  private last: { article: ArticleFile | undefined; claims: readonly Claim[]; anchored: AnchoredClaim[] } | undefined;
  private memos:
    | {
        claims: readonly Claim[];
        /** By claim position: memos, anchors, spans (of `live` at `version`) and their edit counts when the anchors were found. */
        list: Memo[];
        anchored: AnchoredClaim[];
        live: ReadonlyMap<string, LiveSpan> | undefined;
        version: number;
        spans: Array<LiveSpan | undefined>;
        edits: Int32Array;
        /** Whether the article could be read: then every claim's anchor was found in it. */
        usable: boolean;
      }
    | undefined;

  /** The list returned is the last one when no claim got a new anchor (typing elsewhere in the article). */
  anchor(sidecar: SidecarFile, article: ArticleFile | undefined, live?: ReadonlyMap<string, LiveSpan>): AnchoredClaim[] {
    // The same article and no editor spans: claims that are the same objects keep their anchors.
    const last = this.last;
    const claims = sidecar.model.claims;
    if (last && !live && last.article === article && last.claims.length === claims.length) {
      const out = last.anchored.slice();
      for (let i = 0; i < claims.length; i++) if (claims[i] !== last.claims[i]) out[i] = this.one(claims[i] as Claim, this.memo.get(claims[i] as Claim), article, undefined);
      this.memos = undefined;
      this.last = { article, claims, anchored: out };
      return out;
    }
    // The same claims as last time (typing in the article): their memos and anchors by position, not by lookup.
    const known = this.memos?.claims === claims ? this.memos : undefined;
    // Spans too, while the editor has only moved them (the version counts every other change).
    const version = live instanceof LiveSpans ? live.version : -1;
    const kept = known && version >= 0 && known.live === live && known.version === version ? known.spans : undefined;
    const spans = kept ?? new Array<LiveSpan | undefined>(claims.length);
    const usable = article?.index !== undefined;
    // Then a claim whose span kept its edit count keeps its anchor, decided from arrays alone:
    // reading thousands of scattered memo objects per keystroke was most of the cost.
    const fast = kept !== undefined && usable && known?.usable === true;
    const edits = fast ? known.edits : new Int32Array(claims.length);
    const list: Memo[] = known ? known.list : new Array(claims.length);
    let anchored = known?.anchored;
    for (let i = 0; i < claims.length; i++) {
      const claim = claims[i] as Claim;
      const span = kept ? kept[i] : (spans[i] = live && claim.id !== undefined ? live.get(claim.id) : undefined);
      if (fast && span !== undefined && edits[i] === (span.edits ?? 0)) continue;
      const memo = known ? list[i] : this.memo.get(claim);
      const one = this.one(claim, memo, article, span);
      list[i] ??= this.memo.get(claim) as Memo;
      edits[i] = span?.edits ?? 0;
      if (anchored?.[i] === one) continue;
      // Copied whole on the first new anchor: a keystroke usually changes none.
      if (anchored === known?.anchored) anchored = known ? known.anchored.slice() : new Array<AnchoredClaim>(claims.length);
      (anchored as AnchoredClaim[])[i] = one;
    }
    anchored ??= [];
    this.memos = { claims, list, anchored, live, version, spans, edits, usable };
    this.last = live ? undefined : { article, claims, anchored };
    return anchored;
  }

  private one(claim: Claim, known: Memo | undefined, article: ArticleFile | undefined, span: LiveSpan | undefined): AnchoredClaim {
    if (known && known.article === article && known.span === span && known.edits === (span?.edits ?? 0)) return known.anchored;
    const anchor = anchorOf(claim, article, span);
    const old = known?.anchored.anchor;
    // An equal anchor keeps its object, unless it reads a span other than this one.
    const anchored = known && sameAnchor(old, anchor) && (old instanceof LiveAnchor ? old.span : undefined) === span ? known.anchored : { claim, anchor };
    // The memo is private: updated in place, one object per claim for the claim's lifetime.
    const memo = known ?? ({} as Memo);
    memo.article = article;
    memo.span = span;
    memo.edits = span?.edits ?? 0;
    memo.anchored = anchored;
    if (!known) this.memo.set(claim, memo);
    return anchored;
  }
}

interface Memo {
  /** The article the anchor was found in; for a live span, possibly an earlier version. */
  article: ArticleFile | undefined;
  /** The live span the anchor was found through, if any, and its edit count then. */
  span: LiveSpan | undefined;
  edits: number;
  anchored: AnchoredClaim;
}

function sameAnchor(a: ClaimAnchor | undefined, b: ClaimAnchor | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.status !== b.status || a.start !== b.start || a.end !== b.end || a.score !== b.score) return false;
  const x = a.candidates ?? [];
  const y = b.candidates ?? [];
  return (a.candidates === undefined) === (b.candidates === undefined) && x.length === y.length && x.every((c, i) => c.start === y[i]?.start && c.end === y[i]?.end && c.score === y[i]?.score);
}

/** 1 − edit distance / length, on at most 2,000 characters (the cost is quadratic). */
function similarityOf(a: string, b: string): number {
  const x = a.slice(0, 2000);
  const y = b.slice(0, 2000);
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : Math.max(0, 1 - distance(x, y) / longest);
}
