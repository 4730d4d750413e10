/**
 * Pairs the sources' articles by their path relative to the dataset root. The first source's
 * text is the reference; a source whose text of that article differs has its claims re-anchored
 * on the reference text (the same search as the checker's). An article is compared when every
 * source has its text and at least one source annotated it (every source, with `everySource`:
 * annotators of one dataset each work on some articles). When a claim cannot be placed — on its
 * own source's text, or on the reference text after re-anchoring (orphaned, ambiguous) — the
 * article is reported and left out: a claim dropped would count as a disagreement it is not.
 */
import { resolveQuote } from '../anchor';
import type { TextIndex } from '../text/textIndex';
import type { AgreementSource } from './sources';
import type { PlacedClaim } from './units';

export interface PairedArticle {
  path: string;
  /** The reference (first source's) text, on which every source's claims are placed. */
  index: TextIndex;
  length: number;
  /** Per source, in source order. */
  claims: PlacedClaim[][];
  /** Names of the sources whose text differed and whose claims were re-anchored. */
  reanchored: string[];
}

export interface LeftOut {
  article: string;
  reason: string;
}

export interface Pairing {
  sources: string[];
  articles: PairedArticle[];
  leftOut: LeftOut[];
  notes: string[];
}

export function pairArticles(sources: readonly AgreementSource[], options: { everySource?: boolean } = {}): Pairing {
  const paths = new Set<string>();
  for (const s of sources) for (const a of s.articles.values()) if (a.annotated) paths.add(a.path);
  const articles: PairedArticle[] = [];
  const leftOut: LeftOut[] = [];
  for (const path of [...paths].sort()) {
    const missing = sources.filter((s) => !s.articles.has(path)).map((s) => s.name);
    if (missing.length > 0) {
      leftOut.push({ article: path, reason: `not in ${missing.join(', ')}` });
      continue;
    }
    const own = sources.map((s) => s.articles.get(path) as NonNullable<ReturnType<typeof s.articles.get>>);
    const idle = sources.filter((_, i) => !own[i]?.annotated).map((s) => s.name);
    if (options.everySource && idle.length > 0) {
      leftOut.push({ article: path, reason: `not annotated by ${idle.join(', ')}` });
      continue;
    }
    const unplaced = own.flatMap((a, i) => ((a.unplaced ?? 0) > 0 ? [`${a.unplaced} claim(s) of ${(sources[i] as AgreementSource).name}`] : []));
    if (unplaced.length > 0) {
      leftOut.push({ article: path, reason: `${unplaced.join(' and ')} not found in its own text (orphaned or ambiguous)` });
      continue;
    }
    const reference = (own[0] as (typeof own)[number]).index;
    const claims: PlacedClaim[][] = [];
    const reanchored: string[] = [];
    let failure: string | undefined;
    own.forEach((a, i) => {
      if (failure) return;
      if (a.index === reference || a.index.text === reference.text) {
        claims.push(a.claims);
        return;
      }
      const name = (sources[i] as AgreementSource).name;
      reanchored.push(name);
      const placed = reanchor(a.claims, a.index, reference);
      if (typeof placed === 'string') failure = `its text differs in ${name} and ${placed}`;
      else claims.push(placed);
    });
    if (failure) leftOut.push({ article: path, reason: failure });
    else articles.push({ path, index: reference, length: reference.cpLength, claims, reanchored });
  }
  const notes = sources.flatMap((s) => s.notes);
  return { sources: sources.map((s) => s.name), articles, leftOut, notes };
}

/** The claims placed on `target` by their quotes; a string says why that is impossible. */
function reanchor(claims: readonly PlacedClaim[], own: TextIndex, target: TextIndex): PlacedClaim[] | string {
  const out: PlacedClaim[] = [];
  for (const c of claims) {
    const exact = own.sliceCp(c.start, c.end);
    const quote = { exact, prefix: own.sliceCp(Math.max(0, c.start - 32), c.start), suffix: own.sliceCp(c.end, c.end + 32), start: c.start, end: c.end };
    const r = resolveQuote(quote, target);
    if (r.status === 'orphaned' || r.status === 'ambiguous') return `the quote "${clip(exact)}" (claim ${c.claim.id ?? `#${c.claim.index + 1}`}) is ${r.status} on the reference text`;
    out.push({ claim: c.claim, start: r.start, end: r.end });
  }
  return out;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
