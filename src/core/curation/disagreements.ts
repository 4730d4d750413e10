/**
 * What a curator settles: per article, the units where two sources differ. A unit only one
 * source has; a pair whose commitment differs (a different label); a pair whose actor, stance,
 * condition, fields or speaker differ; a pair over overlapping but different spans. A claim of
 * mine whose `curated-from` names a claim of theirs is settled with it: curation decided that
 * unit, so it is not reported again.
 */
import type { Claim } from '../model/sidecar';
import { parseCuratedFrom } from './curatedFrom';
import { pairClaims } from './pairing';
import type { ArticleSide, PlacedClaim, Side } from './placed';

export type DisagreementKind = 'only-mine' | 'only-theirs' | 'label' | 'attributes' | 'span';
export type Difference = 'span' | 'actor' | 'commitment' | 'stance' | 'condition' | 'fields' | 'speaker';

export interface Disagreement {
  /** Stable while both claims keep their ids: `<article>#<my id>|<their id>`. */
  key: string;
  article: string;
  kind: DisagreementKind;
  mine?: PlacedClaim;
  theirs?: PlacedClaim;
  /** What differs, in claim key order (`span` first). */
  differs: Difference[];
  /** The unit's extent: the union of both spans. */
  start: number;
  end: number;
}

export interface ArticleComparison {
  article: string;
  /** Sidecars on each side (undefined: that side has none for this article). */
  mySidecar: string | undefined;
  theirSidecar: string | undefined;
  disagreements: Disagreement[];
  /** Claims compared on each side. */
  mine: number;
  theirs: number;
  /** Agreement of the article (α_U over the claims' spans); undefined when it cannot be computed. */
  alpha: number | undefined;
}

export interface Comparison {
  /** Articles with at least one disagreement, by path. */
  articles: ArticleComparison[];
  /** Every article compared (with or without disagreements). */
  compared: number;
  disagreements: number;
  /** Over all articles; undefined when it cannot be computed. */
  alpha: number | undefined;
}

/** α_U of the `wanted` articles and over all of them (core/agreement's, connected in alpha.ts). */
export type Measure = (articles: readonly ArticleUnits[], wanted: ReadonlySet<string>) => { byArticle: ReadonlyMap<string, number | undefined>; overall: number | undefined };

/** One article's claims on both sides, and its length in code points (the continuum). */
export interface ArticleUnits {
  article: string;
  length: number;
  mine: readonly PlacedClaim[];
  theirs: readonly PlacedClaim[];
}

export interface CompareOptions {
  /** The compared source's label (`git:main`): claims of mine curated from it are settled. */
  source: string;
  measure?: Measure;
  /** Code points of my copy of an article (undefined: unknown, then the claims' extent is used). */
  lengthOf?: (article: string) => number | undefined;
}

const KIND_ORDER: Record<DisagreementKind, number> = { label: 0, attributes: 1, span: 2, 'only-mine': 3, 'only-theirs': 4 };

export function compareSides(mine: Side, theirs: Side, options: CompareOptions): Comparison {
  const paths = [...new Set([...mine.keys(), ...theirs.keys()])].sort();
  const articles: ArticleComparison[] = [];
  const all: ArticleUnits[] = [];
  let total = 0;
  for (const path of paths) {
    const a = mine.get(path);
    const b = theirs.get(path);
    const m = a?.claims ?? [];
    const t = b?.claims ?? [];
    const units: ArticleUnits = { article: path, length: options.lengthOf?.(path) ?? Math.max(0, ...m.map((c) => c.end), ...t.map((c) => c.end)), mine: m, theirs: t };
    all.push(units);
    const disagreements = compareArticle(path, a, b, options.source);
    if (disagreements.length === 0) continue;
    total += disagreements.length;
    articles.push({ article: path, mySidecar: a?.sidecar, theirSidecar: b?.sidecar, disagreements, mine: m.length, theirs: t.length, alpha: undefined });
  }
  const measured = options.measure?.(all, new Set(articles.map((x) => x.article)));
  for (const x of articles) x.alpha = measured?.byArticle.get(x.article);
  return { articles, compared: paths.length, disagreements: total, alpha: measured?.overall };
}

export function compareArticle(article: string, mineSide: ArticleSide | undefined, theirSide: ArticleSide | undefined, source: string): Disagreement[] {
  const mine = mineSide?.claims ?? [];
  const theirs = theirSide?.claims ?? [];
  // Settled first: a claim of mine naming one of theirs in `curated-from`.
  const theirById = new Map<string, PlacedClaim>();
  for (const t of theirs) if (t.claim.id !== undefined && !theirById.has(t.claim.id)) theirById.set(t.claim.id, t);
  const settledTheirs = new Set<PlacedClaim>();
  const open: PlacedClaim[] = [];
  for (const m of mine) {
    const from = parseCuratedFrom(m.claim.curatedFrom);
    const named = from && from.source === source ? theirById.get(from.id) : undefined;
    if (named) settledTheirs.add(named);
    else open.push(m);
  }
  const { pairs, onlyMine, onlyTheirs } = pairClaims(open, theirs.filter((t) => !settledTheirs.has(t)));
  const out: Disagreement[] = [];
  for (const { mine: m, theirs: t } of pairs) {
    const differs = differences(m, t);
    if (differs.length === 0) continue;
    const kind: DisagreementKind = differs.includes('commitment') ? 'label' : differs.some((d) => d !== 'span') ? 'attributes' : 'span';
    out.push(make(article, kind, m, t, differs));
  }
  for (const m of onlyMine) out.push(make(article, 'only-mine', m, undefined, []));
  for (const t of onlyTheirs) out.push(make(article, 'only-theirs', undefined, t, []));
  return out.sort((x, y) => x.start - y.start || x.end - y.end || KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

function make(article: string, kind: DisagreementKind, mine: PlacedClaim | undefined, theirs: PlacedClaim | undefined, differs: Difference[]): Disagreement {
  const spans = [mine, theirs].filter((p): p is PlacedClaim => p !== undefined);
  const start = Math.min(...spans.map((p) => p.start));
  const end = Math.max(...spans.map((p) => p.end));
  const id = (p: PlacedClaim | undefined) => (p ? (p.claim.id ?? `#${p.claim.index + 1}`) : '');
  return { key: `${article}#${id(mine)}|${id(theirs)}`, article, kind, mine, theirs, differs, start, end };
}

export function differences(m: PlacedClaim, t: PlacedClaim): Difference[] {
  const out: Difference[] = [];
  if (m.start !== t.start || m.end !== t.end) out.push('span');
  const a = m.claim;
  const b = t.claim;
  for (const key of ['actor', 'commitment', 'stance', 'condition'] as const) if ((a[key] ?? '') !== (b[key] ?? '')) out.push(key);
  if (!sameFields(a, b)) out.push('fields');
  if ((a.speaker ?? '') !== (b.speaker ?? '')) out.push('speaker');
  return out;
}

/** Fields compared by value, whatever their order in the file (without building strings: 50,000 pairs). */
function sameFields(a: Claim, b: Claim): boolean {
  if (a.fields.size !== b.fields.size) return false;
  for (const [k, v] of a.fields) {
    const w = b.fields.get(k);
    if (v === w) continue;
    if (!(v instanceof Date && w instanceof Date && v.getTime() === w.getTime())) return false;
  }
  return true;
}

