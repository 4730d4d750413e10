/**
 * Both sides of a comparison as claims placed on *this* dataset's article texts, by article.
 * Mine are where their anchors are now; theirs are where their quotes are found in my text
 * (the other side may have an older or newer copy of the article, or the same one).
 */
import type { Claim } from '../model/sidecar';
import type { SidecarContext } from '../rules/rule';
import type { ArticleFile } from '../dataset/files';
import type { TextIndex } from '../text/textIndex';
import { resolveQuote } from '../anchor/resolveQuote';

export interface PlacedClaim {
  claim: Claim;
  /** Code points into the article's normalised text (this dataset's copy). */
  start: number;
  end: number;
  /** Theirs only: false when the quote was not found in my copy of the article. */
  found?: boolean;
}

export interface ArticleSide {
  /** Dataset-relative path of the article. */
  article: string;
  /** The sidecar holding these claims (on its own side). */
  sidecar: string;
  claims: PlacedClaim[];
}

export type Side = Map<string, ArticleSide>;

/** My claims, by article; `keep` narrows them (one annotator's). */
export function placeMine(sidecars: readonly SidecarContext[], keep: (c: Claim) => boolean = () => true): Side {
  const side: Side = new Map();
  for (const ctx of sidecars) {
    const article = ctx.sidecar.articlePath;
    if (article === undefined || side.has(article)) continue;
    const claims: PlacedClaim[] = [];
    for (const a of ctx.claims) if (a.anchor && keep(a.claim)) claims.push({ claim: a.claim, start: a.anchor.start, end: a.anchor.end });
    side.set(article, { article, sidecar: ctx.sidecar.path, claims });
  }
  return side;
}

/**
 * Their claims placed on my article texts (`texts`: my articles by path). An article I do not
 * have keeps their offsets; a quote not found in my copy keeps its own offsets, `found: false`.
 */
export function placeTheirs(sidecars: readonly SidecarContext[], texts: ReadonlyMap<string, TextIndex>, keep: (c: Claim) => boolean = () => true): Side {
  const side: Side = new Map();
  for (const ctx of sidecars) {
    const article = ctx.sidecar.articlePath;
    if (article === undefined || side.has(article)) continue;
    const mine = texts.get(article);
    const same = mine !== undefined && ctx.article?.index?.text === mine.text;
    const claims: PlacedClaim[] = [];
    for (const a of ctx.claims) {
      if (!a.anchor || !a.claim.quote || !keep(a.claim)) continue;
      if (same || !mine) {
        claims.push({ claim: a.claim, start: a.anchor.start, end: a.anchor.end, found: mine !== undefined });
        continue;
      }
      const r = resolveQuote(a.claim.quote, mine);
      const found = r.status !== 'orphaned' && r.status !== 'ambiguous';
      claims.push(found ? { claim: a.claim, start: r.start, end: r.end, found } : { claim: a.claim, start: a.anchor.start, end: a.anchor.end, found });
    }
    side.set(article, { article, sidecar: ctx.sidecar.path, claims });
  }
  return side;
}

/** My article texts by path, for placing theirs. */
export function articleTexts(articles: readonly ArticleFile[]): Map<string, TextIndex> {
  const out = new Map<string, TextIndex>();
  for (const a of articles) if (a.index) out.set(a.path, a.index);
  return out;
}
