/**
 * Pairs my claims with theirs in one article, whatever their labels: a curator must see that
 * "France pledges" and "France conditionally pledges" over the same words are one unit labelled
 * two ways. (The agreement measures of core/agreement match within one label; this pairing is
 * for showing differences.) Pairs sharing the most code points go first, then the closest
 * boundaries, then the most equal ids, then text order: deterministic, never a claim twice.
 */
import type { PlacedClaim } from './placed';

export interface Pairing {
  pairs: Array<{ mine: PlacedClaim; theirs: PlacedClaim }>;
  onlyMine: PlacedClaim[];
  onlyTheirs: PlacedClaim[];
}

interface Candidate {
  i: number;
  j: number;
  shared: number;
  offset: number;
  same: number;
}

export function pairClaims(mine: readonly PlacedClaim[], theirs: readonly PlacedClaim[]): Pairing {
  const as = [...mine].sort(byStart);
  const bs = [...theirs].sort(byStart);
  const candidates: Candidate[] = [];
  // A claim of theirs overlapping `a` starts at most `longest` before it: start the scan there.
  const longest = bs.reduce((m, b) => Math.max(m, b.end - b.start), 0);
  as.forEach((a, i) => {
    for (let j = lowerBound(bs, a.start - longest); j < bs.length; j++) {
      const b = bs[j] as PlacedClaim;
      if (b.start > a.end || (b.start === a.end && a.start !== a.end)) break;
      const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
      const emptyTwins = a.start === a.end && b.start === b.end && a.start === b.start;
      if (shared <= 0 && !emptyTwins) continue;
      candidates.push({ i, j, shared, offset: Math.abs(a.start - b.start) + Math.abs(a.end - b.end), same: sameIds(a, b) });
    }
  });
  candidates.sort((x, y) => y.shared - x.shared || x.offset - y.offset || y.same - x.same || x.i - y.i || x.j - y.j);
  const takenA = new Uint8Array(as.length);
  const takenB = new Uint8Array(bs.length);
  const pairs: Pairing['pairs'] = [];
  for (const c of candidates) {
    if (takenA[c.i] || takenB[c.j]) continue;
    takenA[c.i] = 1;
    takenB[c.j] = 1;
    pairs.push({ mine: as[c.i] as PlacedClaim, theirs: bs[c.j] as PlacedClaim });
  }
  pairs.sort((x, y) => byStart(x.mine, y.mine));
  return { pairs, onlyMine: as.filter((_, i) => !takenA[i]), onlyTheirs: bs.filter((_, j) => !takenB[j]) };
}

/** The first index whose start is at least `at`. */
function lowerBound(bs: readonly PlacedClaim[], at: number): number {
  let lo = 0;
  let hi = bs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((bs[mid] as PlacedClaim).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameIds(a: PlacedClaim, b: PlacedClaim): number {
  return Number(a.claim.actor === b.claim.actor) + Number(a.claim.commitment === b.claim.commitment) + Number(a.claim.stance === b.claim.stance);
}

export function byStart(a: PlacedClaim, b: PlacedClaim): number {
  return a.start - b.start || a.end - b.end;
}
