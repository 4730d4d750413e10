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

/**
 * A candidate's distance is the least edit distance from the value to its id or a label
 * (-1 for an exact match, ignoring case); candidates within a budget of a third of the value's
 * length (at least 2) are ranked by distance, then id.
 */
export function suggest(value: string, candidates: Iterable<Candidate>, max = 3): Suggestion[] {
  return new SuggestIndex(candidates).suggest(value, max);
}

/**
 * The candidates' labels prepared once for many look-ups (a codebook's 500 actors): lower-cased,
 * sorted by length, so that a look-up measures only the labels whose length is within its
 * budget, and only as far as the budget (an edit distance is at least the length difference).
 * Gives exactly what measuring every label in full would.
 */
export class SuggestIndex {
  private readonly ids: string[] = [];
  /** Lower-cased ids and labels, shortest first, and the candidate each belongs to. */
  private readonly labels: string[] = [];
  private readonly owners: number[] = [];
  /** exact label → candidates having it. */
  private readonly exact = new Map<string, number[]>();

  constructor(candidates: Iterable<Candidate>) {
    const all: Array<{ label: string; owner: number }> = [];
    for (const c of candidates) {
      const owner = this.ids.length;
      this.ids.push(c.id);
      for (const label of new Set([c.id, ...c.labels].map((l) => l.toLowerCase()))) {
        all.push({ label, owner });
        const list = this.exact.get(label);
        if (list) list.push(owner);
        else this.exact.set(label, [owner]);
      }
    }
    all.sort((a, b) => a.label.length - b.label.length);
    for (const { label, owner } of all) {
      this.labels.push(label);
      this.owners.push(owner);
    }
  }

  suggest(value: string, max = 3): Suggestion[] {
    const needle = value.trim().toLowerCase();
    const budget = Math.max(2, Math.floor(needle.length / 3));
    // Best distance per candidate so far; budget + 1 stands for "too far".
    const best = new Int32Array(this.ids.length).fill(budget + 1);
    for (const owner of this.exact.get(needle) ?? []) best[owner] = -1;
    for (let i = this.firstOfLength(needle.length - budget); i < this.labels.length; i++) {
      const label = this.labels[i] as string;
      if (label.length > needle.length + budget) break;
      const owner = this.owners[i] as number;
      const known = best[owner] as number;
      if (known <= 1) continue; // exact, or no other label can be closer than 1
      const gap = Math.abs(label.length - needle.length);
      // As `distance` answers for labels far apart in length.
      const d = gap > 32 ? gap : distanceWithin(needle, label, known - 1);
      if (d < known) best[owner] = d;
    }
    const scored: Array<{ id: string; distance: number }> = [];
    best.forEach((d, owner) => {
      if (d <= budget) scored.push({ id: this.ids[owner] as string, distance: d });
    });
    scored.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1));
    return scored.slice(0, max).map(({ id, distance: d }) => ({ id, exact: d < 0 }));
  }

  /** Index of the first label at least `length` long. */
  private firstOfLength(length: number): number {
    let lo = 0;
    let hi = this.labels.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.labels[mid] as string).length < length) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Levenshtein distance in UTF-16 units, with two rows (anchor similarity also uses it, on up to 2,000 characters). */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 32) return Math.abs(a.length - b.length);
  let prev = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    const t = prev;
    prev = row;
    row = t;
  }
  return prev[b.length] as number;
}

// Rows reused across calls: look-ups run once per unknown id, in a tight loop over labels.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * The Levenshtein distance (UTF-16 units, as `distance`) when it is at most `k`, else k + 1.
 * Only the diagonal band |i − j| ≤ k can hold such paths, and a row whose cells all exceed k
 * ends the search (Ukkonen).
 */
export function distanceWithin(a: string, b: string, k: number): number {
  const far = k + 1;
  if (k < 0) return a === b ? 0 : far;
  if (Math.abs(a.length - b.length) > k) return far;
  if (rowA.length <= b.length + 1) {
    rowA = new Int32Array(b.length + 2);
    rowB = new Int32Array(b.length + 2);
  }
  let prev = rowA;
  let cur = rowB;
  const first = Math.min(b.length, k + 1);
  for (let j = 0; j <= first; j++) prev[j] = Math.min(j, far);
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(b.length, i + k);
    cur[lo - 1] = lo === 1 ? Math.min(i, far) : far;
    let rowMin = cur[lo - 1] as number;
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const diagonal = (prev[j - 1] as number) + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      const v = Math.min(diagonal, (prev[j] as number) + 1, (cur[j - 1] as number) + 1, far);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < b.length) cur[hi + 1] = far;
    if (rowMin >= far) return far;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[b.length] as number, far);
}
