/**
 * One-to-one span matching between two sources' units of the same label. `exact`: same start,
 * end and label. `overlap`: same label and at least one shared code point; when a unit could
 * pair with several, the pairs sharing the most code points are taken first (then the closest
 * boundaries, then text order), so the matching is deterministic and never pairs a unit twice.
 */
import { byPosition, sortedByPosition, type Unit } from './units';

export type MatchMode = 'exact' | 'overlap';

export interface Match {
  a: Unit;
  b: Unit;
}

export interface Matching {
  matches: Match[];
  onlyA: Unit[];
  onlyB: Unit[];
}

export function matchUnits(a: readonly Unit[], b: readonly Unit[], mode: MatchMode): Matching {
  return mode === 'exact' ? matchExact(a, b) : matchOverlap(a, b);
}

/**
 * How many pairs the overlap matching of `a` and `b` makes when labels are ignored: what the
 * disagreement count needs of the units left over (the same passage, labelled differently),
 * without copies of them.
 */
export function overlapCountIgnoringLabels(a: readonly Unit[], b: readonly Unit[]): number {
  return matchOverlap(a, b, true).matches.length;
}

function matchExact(a: readonly Unit[], b: readonly Unit[]): Matching {
  // Both sides in position order (start, end, label): equal units meet in one merge pass, the
  // n-th of a run of equal units in A pairing with the n-th of the run in B.
  const as = sortedByPosition(a);
  const bs = sortedByPosition(b);
  const matches: Match[] = [];
  const onlyA: Unit[] = [];
  const onlyB: Unit[] = [];
  let j = 0;
  for (const u of as) {
    while (j < bs.length && byPosition(bs[j] as Unit, u) < 0) onlyB.push(bs[j++] as Unit);
    const v = bs[j];
    if (v && v.start === u.start && v.end === u.end && v.label === u.label) {
      matches.push({ a: u, b: v });
      j++;
    } else onlyA.push(u);
  }
  while (j < bs.length) onlyB.push(bs[j++] as Unit);
  return { matches, onlyA, onlyB };
}

interface Candidate {
  i: number;
  j: number;
  shared: number;
  offset: number;
}

function matchOverlap(a: readonly Unit[], b: readonly Unit[], ignoreLabels = false): Matching {
  // Without labels the order is by start and end alone (a sort that keeps ties as they are).
  const as = ignoreLabels ? sortedBySpan(a) : sortedByPosition(a);
  const bs = ignoreLabels ? sortedBySpan(b) : sortedByPosition(b);
  const candidates: Candidate[] = [];
  // Sweep: b units sorted by start; for each a, look at b units starting before a ends.
  const byLabel = new Map<string, number[]>();
  const labelOf = (u: Unit): string => (ignoreLabels ? '' : u.label);
  bs.forEach((u, j) => {
    const list = byLabel.get(labelOf(u));
    if (list) list.push(j);
    else byLabel.set(labelOf(u), [j]);
  });
  as.forEach((u, i) => {
    for (const j of byLabel.get(labelOf(u)) ?? []) {
      const v = bs[j] as Unit;
      if (v.start >= u.end) break;
      const shared = Math.min(u.end, v.end) - Math.max(u.start, v.start);
      if (shared > 0) candidates.push({ i, j, shared, offset: Math.abs(u.start - v.start) + Math.abs(u.end - v.end) });
    }
  });
  candidates.sort((x, y) => y.shared - x.shared || x.offset - y.offset || x.i - y.i || x.j - y.j);
  const takenA = new Uint8Array(as.length);
  const takenB = new Uint8Array(bs.length);
  const matches: Match[] = [];
  for (const c of candidates) {
    if (takenA[c.i] || takenB[c.j]) continue;
    takenA[c.i] = 1;
    takenB[c.j] = 1;
    matches.push({ a: as[c.i] as Unit, b: bs[c.j] as Unit });
  }
  matches.sort((x, y) => byPosition(x.a, y.a));
  return { matches, onlyA: as.filter((_, i) => !takenA[i]), onlyB: bs.filter((_, j) => !takenB[j]) };
}

function sortedBySpan(units: readonly Unit[]): readonly Unit[] {
  const bySpan = (x: Unit, y: Unit): number => x.start - y.start || x.end - y.end;
  for (let i = 1; i < units.length; i++) if (bySpan(units[i - 1] as Unit, units[i] as Unit) > 0) return [...units].sort(bySpan);
  return units;
}
