/**
 * One-to-one span matching between two sources' units of the same label. `exact`: same start,
 * end and label. `overlap`: same label and at least one shared code point; when a unit could
 * pair with several, the pairs sharing the most code points are taken first (then the closest
 * boundaries, then text order), so the matching is deterministic and never pairs a unit twice.
 */
import { byPosition, type Unit } from './units';

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

function matchExact(a: readonly Unit[], b: readonly Unit[]): Matching {
  const waiting = new Map<string, Unit[]>();
  for (const u of [...b].sort(byPosition)) {
    const key = `${u.start}:${u.end}:${u.label}`;
    const list = waiting.get(key);
    if (list) list.push(u);
    else waiting.set(key, [u]);
  }
  const matches: Match[] = [];
  const onlyA: Unit[] = [];
  for (const u of [...a].sort(byPosition)) {
    const partner = waiting.get(`${u.start}:${u.end}:${u.label}`)?.shift();
    if (partner) matches.push({ a: u, b: partner });
    else onlyA.push(u);
  }
  const onlyB = [...waiting.values()].flat().sort(byPosition);
  return { matches, onlyA, onlyB };
}

interface Candidate {
  i: number;
  j: number;
  shared: number;
  offset: number;
}

function matchOverlap(a: readonly Unit[], b: readonly Unit[]): Matching {
  const as = [...a].sort(byPosition);
  const bs = [...b].sort(byPosition);
  const candidates: Candidate[] = [];
  // Sweep: b units sorted by start; for each a, look at b units starting before a ends.
  const byLabel = new Map<string, number[]>();
  bs.forEach((u, j) => {
    const list = byLabel.get(u.label);
    if (list) list.push(j);
    else byLabel.set(u.label, [j]);
  });
  as.forEach((u, i) => {
    for (const j of byLabel.get(u.label) ?? []) {
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
