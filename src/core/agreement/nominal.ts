/**
 * Agreement on nominal values of units every source coded: Cohen's kappa (two sources) and
 * Krippendorff's alpha for nominal data (any number of sources, from the coincidence matrix;
 * Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011).
 */

/** Cohen's kappa over pairs of values; undefined without pairs or when chance agreement is 1. */
export function cohenKappa(pairs: ReadonlyArray<readonly [string, string]>): number | undefined {
  const n = pairs.length;
  if (n === 0) return undefined;
  // Each value numbered once (one map look-up a value instead of a get and a set per side);
  // chance agreement is summed over the left values in the order they first appear.
  const ids = new Map<string, number>();
  const left: number[] = [];
  const right: number[] = [];
  const leftOrder: number[] = [];
  const id = (v: string): number => {
    let k = ids.get(v);
    if (k === undefined) {
      ids.set(v, (k = ids.size));
      left.push(0);
      right.push(0);
    }
    return k;
  };
  let agree = 0;
  for (const [a, b] of pairs) {
    if (a === b) agree++;
    const i = id(a);
    if (left[i] === 0) leftOrder.push(i);
    left[i] = (left[i] as number) + 1;
    const j = id(b);
    right[j] = (right[j] as number) + 1;
  }
  let chance = 0;
  for (const i of leftOrder) chance += ((left[i] as number) / n) * ((right[i] as number) / n);
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
    // Each distinct value once, in order of first appearance (a unit has a handful of values:
    // counting them by scanning back costs less than a map per unit).
    for (let i = 0; i < mu; i++) {
      const v = values[i] as string;
      if (values.indexOf(v) < i) continue;
      let c = 1;
      for (let k = i + 1; k < mu; k++) if (values[k] === v) c++;
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
