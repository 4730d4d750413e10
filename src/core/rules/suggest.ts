/** "Did you mean": ranks codebook ids by how close the unknown value is to the id, name or an alias. */

export interface Candidate {
  id: string;
  labels: string[];
}

export interface Suggestion {
  id: string;
  /** True when the value is, ignoring case, the id, the name or an alias: a confident match. */
  exact: boolean;
}

export function suggest(value: string, candidates: Iterable<Candidate>, max = 3): Suggestion[] {
  const needle = value.trim().toLowerCase();
  const scored: Array<{ id: string; distance: number; exact: boolean }> = [];
  for (const c of candidates) {
    let best = Infinity;
    for (const label of [c.id, ...c.labels]) {
      const l = label.toLowerCase();
      if (l === needle) {
        best = -1;
        break;
      }
      best = Math.min(best, distance(needle, l));
    }
    const budget = Math.max(2, Math.floor(needle.length / 3));
    if (best <= budget) scored.push({ id: c.id, distance: best, exact: best < 0 });
  }
  scored.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1));
  return scored.slice(0, max).map(({ id, exact }) => ({ id, exact }));
}

/** Levenshtein distance with two rows; inputs here are short names. */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 32) return Math.abs(a.length - b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = row;
  }
  return prev[b.length] as number;
}
