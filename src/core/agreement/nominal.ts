/**
 * Agreement on nominal values of units every source coded: Cohen's kappa (two sources) and
 * Krippendorff's alpha for nominal data (any number of sources, from the coincidence matrix;
 * Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011).
 */

/** Cohen's kappa over pairs of values; undefined without pairs or when chance agreement is 1. */
export function cohenKappa(pairs: ReadonlyArray<readonly [string, string]>): number | undefined {
  const tally = new KappaTally();
  for (const [a, b] of pairs) tally.add(a, b);
  return tally.kappa();
}

/**
 * Cohen's kappa counted pair by pair, so a caller with many pairs keeps no list of them. Each
 * value is numbered once (one map look-up a value instead of a get and a set per side); chance
 * agreement is summed over the left values in the order they first appear.
 */
export class KappaTally {
  private readonly ids = new Map<string, number>();
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  private readonly leftOrder: number[] = [];
  private n = 0;
  private agree = 0;

  add(a: string, b: string): void {
    this.n++;
    if (a === b) this.agree++;
    const i = this.id(a);
    if (this.left[i] === 0) this.leftOrder.push(i);
    this.left[i] = (this.left[i] as number) + 1;
    const j = this.id(b);
    this.right[j] = (this.right[j] as number) + 1;
  }

  kappa(): number | undefined {
    const n = this.n;
    if (n === 0) return undefined;
    let chance = 0;
    for (const i of this.leftOrder) chance += ((this.left[i] as number) / n) * ((this.right[i] as number) / n);
    if (chance >= 1) return undefined;
    return (this.agree / n - chance) / (1 - chance);
  }

  private id(v: string): number {
    let k = this.ids.get(v);
    if (k === undefined) {
      this.ids.set(v, (k = this.ids.size));
      this.left.push(0);
      this.right.push(0);
    }
    return k;
  }
}

/**
 * Krippendorff's alpha (nominal) over units, each the values the sources gave it (a unit with
 * fewer than two values is not pairable and is ignored); undefined when nothing is pairable or
 * every value is the same (expected disagreement 0).
 */
export function nominalAlpha(units: ReadonlyArray<readonly string[]>): number | undefined {
  const tally = new AlphaTally();
  for (const values of units) tally.add(values);
  return tally.alpha();
}

/** Krippendorff's nominal alpha counted unit by unit (the coincidences' marginals and the disagreeing pairs). */
export class AlphaTally {
  private readonly marginal = new Map<string, number>();
  private n = 0;
  private disagreeing = 0;

  add(values: readonly string[]): void {
    const mu = values.length;
    if (mu < 2) return;
    // Each distinct value once, in order of first appearance (a unit has a handful of values:
    // counting them by scanning back costs less than a map per unit).
    for (let i = 0; i < mu; i++) {
      const v = values[i] as string;
      if (values.indexOf(v) < i) continue;
      let c = 1;
      for (let k = i + 1; k < mu; k++) if (values[k] === v) c++;
      this.count(v, c);
      // Pairs of this value with a different value, each weighted 1/(m_u − 1).
      this.disagreeing += (c * (mu - c)) / (mu - 1);
    }
    this.n += mu;
  }

  /** A unit with two values: `add([a, b])` without the array. */
  addPair(a: string, b: string): void {
    if (a === b) this.count(a, 2);
    else {
      this.count(a, 1);
      this.count(b, 1);
      this.disagreeing += 2;
    }
    this.n += 2;
  }

  alpha(): number | undefined {
    const n = this.n;
    if (n < 2) return undefined;
    let sameByChance = 0;
    for (const c of this.marginal.values()) sameByChance += c * (c - 1);
    const expected = (n * (n - 1) - sameByChance) / (n * (n - 1));
    if (expected <= 0) return undefined;
    const observed = this.disagreeing / n;
    return 1 - observed / expected;
  }

  private count(v: string, c: number): void {
    this.marginal.set(v, (this.marginal.get(v) ?? 0) + c);
  }
}
