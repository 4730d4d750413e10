/**
 * Three-way merge of plain records, key by key, recursing into records both sides changed.
 * Instead of one result with holes it gives two resolutions that differ only where a real
 * conflict is: `ours` takes our side there, `theirs` their side. Rendering both and comparing
 * their lines puts conflict markers around exactly the conflicting lines.
 */
import { isRecord } from '../model/plain';
import { get, recordOf, sameValue, unionKeys } from './values';

export interface Resolutions {
  ours: unknown;
  theirs: unknown;
  /** Paths (joined by `.`) of the real conflicts. */
  conflicts: string[];
}

export interface MergePolicy {
  /** Keys merged as one unit (never field by field), e.g. a claim's `quote`. */
  atomic?: ReadonlySet<string>;
  /** Settles a conflict at `key` when it can (the anchor that matches the article). */
  settle?: (key: string, ours: unknown, theirs: unknown) => 'ours' | 'theirs' | undefined;
}

/** Merge of one value: undefined stands for an absent key. */
export function mergeValue(key: string, b: unknown, o: unknown, t: unknown, policy: MergePolicy, path: string): Resolutions {
  if (sameValue(o, b)) return { ours: t, theirs: t, conflicts: [] };
  if (sameValue(t, b) || sameValue(o, t)) return { ours: o, theirs: o, conflicts: [] };
  if (isRecord(o) && isRecord(t) && (b === undefined || isRecord(b)) && !policy.atomic?.has(key)) return mergeRecords(b, o, t, policy, path);
  const settled = policy.settle?.(key, o, t);
  if (settled) {
    const v = settled === 'ours' ? o : t;
    return { ours: v, theirs: v, conflicts: [] };
  }
  return { ours: o, theirs: t, conflicts: [path] };
}

export function mergeRecords(b: unknown, o: unknown, t: unknown, policy: MergePolicy, path = ''): Resolutions {
  const ours: Array<[string, unknown]> = [];
  const theirs: Array<[string, unknown]> = [];
  const conflicts: string[] = [];
  for (const k of unionKeys(o, t, b)) {
    const r = mergeValue(k, get(b, k), get(o, k), get(t, k), policy, path ? `${path}.${k}` : k);
    if (r.ours !== undefined) ours.push([k, r.ours]);
    if (r.theirs !== undefined) theirs.push([k, r.theirs]);
    conflicts.push(...r.conflicts);
  }
  const ro = recordOf(ours);
  return { ours: ro, theirs: conflicts.length === 0 ? ro : recordOf(theirs), conflicts };
}
