/**
 * The Claims view's filter: one optional value per dimension, all of which must match. A
 * commitment also matches its narrower commitments (filtering on military-support shows
 * troop deployments too), as the codebook's hierarchy means.
 */
import { commitmentLineage, type Codebook } from '../model/codebook';
import { hasProblems, type ClaimRow } from './rows';
import { NONE, type Labels } from './labels';

export const FILTER_DIMENSIONS = ['actor', 'commitment', 'stance', 'annotator', 'article'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

export type ClaimFilter = Partial<Record<FilterDimension, string>> & { problemsOnly?: boolean };

export function isEmptyFilter(f: ClaimFilter): boolean {
  return !f.problemsOnly && FILTER_DIMENSIONS.every((d) => f[d] === undefined);
}

/** Reads a filter from untrusted input (a command argument, stored state); unknown keys are dropped. */
export function parseFilter(value: unknown): ClaimFilter {
  const out: ClaimFilter = {};
  if (typeof value !== 'object' || value === null) return out;
  const v = value as Record<string, unknown>;
  for (const d of FILTER_DIMENSIONS) {
    const x = Object.prototype.hasOwnProperty.call(v, d) ? v[d] : undefined;
    if (typeof x === 'string') out[d] = x;
  }
  if (v.problemsOnly === true) out.problemsOnly = true;
  return out;
}

/** The value of a row in a dimension ('(none)' when missing, like `claimbook stats`). */
export function valueOf(row: ClaimRow, d: FilterDimension): string {
  const v = d === 'article' ? row.articlePath : row[d];
  return v ?? NONE;
}

export function matchesFilter(row: ClaimRow, f: ClaimFilter, codebook: Codebook | undefined): boolean {
  if (f.problemsOnly && !hasProblems(row)) return false;
  for (const d of FILTER_DIMENSIONS) {
    const wanted = f[d];
    if (wanted === undefined) continue;
    const value = valueOf(row, d);
    if (value === wanted) continue;
    if (d === 'commitment' && codebook && row.commitment !== undefined && commitmentLineage(codebook, row.commitment).some((c) => c.id === wanted)) continue;
    return false;
  }
  return true;
}

export function filterRows(rows: readonly ClaimRow[], f: ClaimFilter, codebook: Codebook | undefined): ClaimRow[] {
  return isEmptyFilter(f) ? [...rows] : rows.filter((r) => matchesFilter(r, f, codebook));
}

/** The filter in words, for the view's description: `actor: France · stance: Conditional pledge`. */
export function describeFilter(f: ClaimFilter, labels: Labels): string {
  const parts: string[] = [];
  for (const d of FILTER_DIMENSIONS) {
    const v = f[d];
    if (v === undefined) continue;
    const shown = d === 'actor' ? labels.actor(v) : d === 'commitment' ? labels.commitment(v) : d === 'stance' ? labels.stance(v) : d === 'article' ? labels.article(v) : v;
    parts.push(`${d}: ${shown}`);
  }
  if (f.problemsOnly) parts.push('problems only');
  return parts.join(' · ');
}

export interface FilterChoice {
  value: string;
  label: string;
  count: number;
}

/** The values a dimension takes among the rows, most frequent first: the filter's quick pick. */
export function filterChoices(rows: readonly ClaimRow[], d: FilterDimension, labels: Labels): FilterChoice[] {
  const counts = new Map<string, { count: number; title?: string }>();
  for (const r of rows) {
    const v = valueOf(r, d);
    const hit = counts.get(v);
    if (hit) hit.count++;
    else counts.set(v, { count: 1, title: r.articleTitle });
  }
  const label = (v: string, title?: string): string =>
    d === 'actor' ? labels.actor(v) : d === 'commitment' ? labels.commitment(v) : d === 'stance' ? labels.stance(v) : d === 'article' ? labels.article(v, title) : v;
  return [...counts]
    .map(([value, { count, title }]) => ({ value, label: label(value, title), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
