/** Stable random claim ids (DESIGN §1.2): `c-` and six letters or digits, unique in the file, never a counter. */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const LENGTH = 6;

/** A source of numbers in [0, 1), injected so tests are deterministic (the extension passes Math.random). */
export type RandomSource = () => number;

/**
 * A fresh id not in `taken`. With 36^6 ids a clash is rare; after many clashes (a source that
 * keeps repeating itself) the id grows a character instead of looping forever.
 */
export function newClaimId(taken: ReadonlySet<string>, random: RandomSource): string {
  for (let length = LENGTH; ; length++) {
    for (let attempt = 0; attempt < 64; attempt++) {
      let id = 'c-';
      for (let i = 0; i < length; i++) id += ALPHABET[pick(random(), ALPHABET.length)];
      if (!taken.has(id)) return id;
    }
  }
}

/** Several ids at once, unique among themselves too. */
export function newClaimIds(count: number, taken: ReadonlySet<string>, random: RandomSource): string[] {
  const all = new Set(taken);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = newClaimId(all, random);
    all.add(id);
    out.push(id);
  }
  return out;
}

function pick(r: number, n: number): number {
  const i = Math.floor((Number.isFinite(r) ? r : 0) * n);
  return Math.min(Math.max(i, 0), n - 1);
}
