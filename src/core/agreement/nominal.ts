/**
 * Agreement on nominal values of units every source coded: Cohen's kappa (two sources) and
 * Krippendorff's alpha for nominal data (any number of sources, from the coincidence matrix;
 * Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011).
 */

/** Cohen's kappa over pairs of values; undefined without pairs or when chance agreement is 1. */
export function cohenKappa(pairs: ReadonlyArray<readonly [string, string]>): number | undefined {
  const n = pairs.length;
  if (n === 0) return undefined;
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  let agree = 0;
  for (const [a, b] of pairs) {
    if (a === b) agree++;
    left.set(a, (left.get(a) ?? 0) + 1);
    right.set(b, (right.get(b) ?? 0) + 1);
  }
  let chance = 0;
  for (const [v, c] of left) chance += (c / n) * ((right.get(v) ?? 0) / n);
  if (chance >= 1) return undefined;
  return (agree / n - chance) / (1 - chance);
}

/**
 * Krippendorff's alpha (nominal) over units, each the values the sources gave it (a unit with
 * fewer than two values is not pairable and is ignored); undefined when nothing is pairable or
 * every value is the same (expected disagreement 0).
 */
export function nominalAlpha(units: ReadonlyArray<readonly string[]>): number | undefined {
  const marginal = new Map<string, number>();
  let n = 0;
  let disagreeing = 0;
  for (const values of units) {
    const mu = values.length;
    if (mu < 2) continue;
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [v, c] of counts) {
      marginal.set(v, (marginal.get(v) ?? 0) + c);
      // Pairs of this value with a different value, each weighted 1/(m_u − 1).
      disagreeing += (c * (mu - c)) / (mu - 1);
    }
    n += mu;
  }
  if (n < 2) return undefined;
  let sameByChance = 0;
  for (const c of marginal.values()) sameByChance += c * (c - 1);
  const expected = (n * (n - 1) - sameByChance) / (n * (n - 1));
  if (expected <= 0) return undefined;
  const observed = disagreeing / n;
  return 1 - observed / expected;
}
