/**
 * What is compared: per source, its articles (normalised text) and the claims placed on them.
 * Sources come from checked datasets (`sourceFromCheck`: a folder or a git revision) or from one
 * dataset split by the claims' `annotator` (`sourcesByAnnotator`).
 */
import type { CheckResult } from '../dataset/check';
import type { TextIndex } from '../text/textIndex';
import type { AnchoredClaim } from '../rules/rule';
import type { PlacedClaim } from './units';

export interface SourceArticle {
  path: string;
  index: TextIndex;
  claims: PlacedClaim[];
  /** False for an article that has no sidecar in this source (nothing was annotated in it). */
  annotated: boolean;
  /** Claims whose quote is not found in this source's own text (orphaned, ambiguous). */
  unplaced?: number;
}

export interface AgreementSource {
  name: string;
  articles: ReadonlyMap<string, SourceArticle>;
  /** What was left out while reading the source, for the report's notes. */
  notes: string[];
}

/** Anchors that place a claim: found (exact, moved, fuzzy) or edited in place (mismatch). */
const PLACED = new Set(['exact', 'moved', 'drifted', 'mismatch']);

export function sourceFromCheck(name: string, result: CheckResult, keep: (claim: AnchoredClaim['claim']) => boolean = () => true): AgreementSource {
  const articles = new Map<string, SourceArticle>();
  const notes: string[] = [];
  for (const a of result.articles) if (a.index) articles.set(a.path, { path: a.path, index: a.index, claims: [], annotated: false });
  for (const s of result.sidecars) {
    if (s.sidecar.parsed.problems.length > 0) notes.push(`${name}: ${s.sidecar.path} does not parse; its claims are left out`);
    const index = s.article?.index;
    if (!s.article || !index) continue;
    const entry = articles.get(s.article.path) ?? { path: s.article.path, index, claims: [], annotated: false };
    entry.annotated = true;
    for (const c of s.claims) {
      if (!keep(c.claim)) continue;
      if (c.anchor && PLACED.has(c.anchor.status)) entry.claims.push({ claim: c.claim, start: c.anchor.start, end: c.anchor.end });
      else entry.unplaced = (entry.unplaced ?? 0) + 1;
    }
    articles.set(entry.path, entry);
  }
  return { name, articles, notes };
}

/**
 * One source per annotator named on the claims, in name order; claims without an annotator
 * are left out (and counted in a note).
 */
export function sourcesByAnnotator(result: CheckResult): { sources: AgreementSource[]; notes: string[] } {
  const names = new Set<string>();
  let anonymous = 0;
  for (const s of result.sidecars)
    for (const { claim } of s.claims) {
      if (claim.annotator === undefined) anonymous++;
      else names.add(claim.annotator);
    }
  const notes = anonymous > 0 ? [`${anonymous} claim(s) without an annotator are left out`] : [];
  // Only articles every annotator worked on are compared (pairArticles with everySource).
  const sources = [...names].sort().map((n) => {
    const source = sourceFromCheck(n, result, (claim) => claim.annotator === n);
    // An article counts as annotated by an annotator when they have a claim in it.
    for (const a of source.articles.values()) a.annotated = a.claims.length > 0;
    return source;
  });
  return { sources, notes };
}
