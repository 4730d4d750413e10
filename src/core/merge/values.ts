/** Plain-value helpers of the three-way merge. */
import { asRecordEntries, isRecord } from '../model/plain';

/** Structural equality; key order does not count (the canonical form fixes it). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (isRecord(a) && isRecord(b) && !Array.isArray(b)) {
    const ea = asRecordEntries(a), eb = new Map(asRecordEntries(b));
    return ea.length === eb.size && ea.every(([k, v]) => eb.has(k) && sameValue(v, eb.get(k)));
  }
  return false;
}

/** A record built from entries as own data properties (so `__proto__` stays a key). */
export function recordOf(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Keys of the three sides: ours' order, then keys only theirs has, then keys only the base had. */
export function unionKeys(...records: unknown[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const [k] of asRecordEntries(r)) seen.add(k);
  return [...seen];
}

export function get(record: unknown, key: string): unknown {
  if (!isRecord(record)) return undefined;
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
