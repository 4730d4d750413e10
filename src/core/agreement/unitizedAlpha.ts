/**
 * Krippendorff's unitized alpha, α_U (Krippendorff 1995; "Content Analysis", 2nd ed. 2004,
 * §12.4), for one category over a continuum: each source cuts the continuum into units of the
 * category and gaps (everything else). Observed disagreement sums, over ordered pairs of
 * sources and pairs of their sections, δ² = (Δstart)² + (Δend)² for two overlapping units, l² for
 * a unit lying inside the other source's gap, 0 otherwise; divided by m(m−1)L². Expected
 * disagreement is the average δ² over every way of placing the same units and gaps:
 *
 *   D_e = (2/L) Σ_units [ (N−1)(2l³−3l²+l)/3 + l² Σ_{gaps g ≥ l} (g−l+1) ] / ( mL(mL−1) − Σ_units l(l−1) )
 *
 * A dataset is one continuum cut at article boundaries: its length is the articles' total, and a
 * section never runs from one article into the next. Units of one source and category that share
 * a code point are merged first (the continuum is binary per category: a code point is in the
 * category or not); touching units stay two units.
 */
import { countBelow } from '../text/sortedSearch';

export interface Span {
  start: number;
  end: number;
}

/** One article: its length in code points and, per source, the spans of the category. */
export interface Continuum {
  length: number;
  sources: ReadonlyArray<readonly Span[]>;
}

export interface AlphaParts {
  observed: number;
  expected: number;
  /** Undefined when the expected disagreement is 0 (no units, nothing could differ). */
  alpha: number | undefined;
}

/**
 * `blank`: lengths of further articles where no source has a unit of the category (each is one
 * gap per source and adds nothing observed), so a label's continuum over a large dataset is not
 * built article by article.
 */
export function unitizedAlpha(continua: readonly Continuum[], blank: readonly number[] = [], sources = continua[0]?.sources.length ?? 0): AlphaParts {
  const m = sources;
  let total = 0;
  let observedSum = 0;
  const unitLengths: number[] = [];
  const gapLengths: number[] = [];
  for (const c of continua) {
    if (c.sources.length !== m) throw new Error('every continuum needs the same sources');
    total += c.length;
    const merged = c.sources.map((s) => mergeSpans(s, c.length));
    for (const units of merged) {
      let at = 0;
      for (const u of units) {
        unitLengths.push(u.end - u.start);
        if (u.start > at) gapLengths.push(u.start - at);
        at = u.end;
      }
      if (c.length > at) gapLengths.push(c.length - at);
    }
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) observedSum += 2 * pairDisagreement(merged[i] as Span[], merged[j] as Span[]);
  }
  for (const length of blank) {
    total += length;
    if (length > 0) for (let i = 0; i < m; i++) gapLengths.push(length);
  }
  if (m < 2 || total === 0) return { observed: 0, expected: 0, alpha: undefined };
  const observed = observedSum / (m * (m - 1) * total * total);
  const expected = expectedDisagreement(unitLengths, gapLengths, m, total);
  return { observed, expected, alpha: expected > 0 ? 1 - observed / expected : undefined };
}

/** Over several categories: 1 − ΣD_o / ΣD_e (Krippendorff 2004, the coefficient over all categories). */
export function combinedAlpha(parts: readonly AlphaParts[]): AlphaParts {
  let observed = 0;
  let expected = 0;
  for (const p of parts) {
    observed += p.observed;
    expected += p.expected;
  }
  return { observed, expected, alpha: expected > 0 ? 1 - observed / expected : undefined };
}

/** Sorted, clamped to the continuum, and units sharing a code point merged into one. */
export function mergeSpans(spans: readonly Span[], length: number): Span[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, Math.min(s.start, length)), end: Math.max(0, Math.min(s.end, length)) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Σδ² over the sections of two sources (one order); both lists merged and sorted. */
function pairDisagreement(a: readonly Span[], b: readonly Span[]): number {
  let sum = 0;
  const overlapped = (units: readonly Span[], others: readonly Span[]): boolean[] => {
    const hit = new Array<boolean>(units.length).fill(false);
    let k = 0;
    units.forEach((u, i) => {
      while (k < others.length && (others[k] as Span).end <= u.start) k++;
      for (let x = k; x < others.length && (others[x] as Span).start < u.end; x++) hit[i] = true;
    });
    return hit;
  };
  // Two units that overlap: squared differences of their starts and of their ends.
  let k = 0;
  for (const u of a) {
    while (k < b.length && (b[k] as Span).end <= u.start) k++;
    for (let x = k; x < b.length && (b[x] as Span).start < u.end; x++) {
      const v = b[x] as Span;
      sum += (u.start - v.start) ** 2 + (u.end - v.end) ** 2;
    }
  }
  // A unit overlapping no unit of the other source lies inside one of its gaps: l².
  overlapped(a, b).forEach((hit, i) => {
    if (!hit) sum += ((a[i] as Span).end - (a[i] as Span).start) ** 2;
  });
  overlapped(b, a).forEach((hit, i) => {
    if (!hit) sum += ((b[i] as Span).end - (b[i] as Span).start) ** 2;
  });
  return sum;
}

function expectedDisagreement(units: readonly number[], gaps: readonly number[], m: number, total: number): number {
  const n = units.length;
  if (n === 0) return 0;
  const sortedGaps = [...gaps].sort((x, y) => x - y);
  // suffix[i] = Σ gaps from i on: Σ_{g ≥ l} (g − l + 1) = suffixSum − (l − 1)·count.
  const suffix = new Float64Array(sortedGaps.length + 1);
  for (let i = sortedGaps.length - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] as number) + (sortedGaps[i] as number);
  let numerator = 0;
  let selfPairs = 0;
  for (const l of units) {
    const from = countBelow(sortedGaps, l);
    const count = sortedGaps.length - from;
    const placements = (suffix[from] as number) - (l - 1) * count;
    numerator += ((n - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * placements;
    selfPairs += l * (l - 1);
  }
  const denominator = m * total * (m * total - 1) - selfPairs;
  return denominator > 0 ? ((2 / total) * numerator) / denominator : 0;
}
