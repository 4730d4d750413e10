/**
 * Contradicting pairs across the dataset: one actor, one commitment, two stances the codebook
 * lists under `contradictions`. Pairs within one article come first (they are warnings; across
 * articles positions may simply have changed).
 */
import type { Codebook } from '../model/codebook';
import type { ClaimRow } from './rows';

export interface ConflictPair {
  /** Stable while both claims keep their keys. */
  id: string;
  actor: string;
  commitment: string;
  /** The earlier claim (by article, then position) and the later one. */
  a: ClaimRow;
  b: ClaimRow;
  sameArticle: boolean;
}

export function conflictPairs(rows: readonly ClaimRow[], codebook: Codebook | undefined): ConflictPair[] {
  if (!codebook || codebook.contradictions.length === 0) return [];
  const groups = new Map<string, ClaimRow[]>();
  for (const r of rows) {
    if (r.actor === undefined || r.commitment === undefined || r.stance === undefined) continue;
    const k = JSON.stringify([r.actor, r.commitment]);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  const pairs: ConflictPair[] = [];
  for (const list of groups.values()) {
    const ordered = [...list].sort(byPlace);
    for (let i = 0; i < ordered.length; i++) {
      for (let j = i + 1; j < ordered.length; j++) {
        const a = ordered[i]!;
        const b = ordered[j]!;
        if (!contradicts(codebook, a.stance, b.stance)) continue;
        pairs.push({ id: `conflict:${a.key}|${b.key}`, actor: a.actor!, commitment: a.commitment!, a, b, sameArticle: a.articlePath === b.articlePath });
      }
    }
  }
  return pairs.sort((x, y) => Number(y.sameArticle) - Number(x.sameArticle) || byPlace(x.a, y.a) || byPlace(x.b, y.b));
}

function contradicts(cb: Codebook, x: string | undefined, y: string | undefined): boolean {
  return cb.contradictions.some(([p, q]) => (p === x && q === y) || (p === y && q === x));
}

function byPlace(a: ClaimRow, b: ClaimRow): number {
  const pa = a.articlePath ?? a.sidecarPath;
  const pb = b.articlePath ?? b.sidecarPath;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return (a.span?.start ?? Infinity) - (b.span?.start ?? Infinity) || a.index - b.index;
}
