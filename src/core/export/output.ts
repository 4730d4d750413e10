/** What a format's exporter produces: one stream of text, or a set of files (brat). */

export interface ExportFile {
  /** POSIX path relative to the output folder. */
  path: string;
  text: string;
}

export type ExportOutput = { kind: 'stream'; chunks: Iterable<string> } | { kind: 'files'; files: Iterable<ExportFile> };

/** Plain JSON values of `source:` and `fields` (a js-yaml Map or Date would not stringify as expected). */
export function plainValue(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), plainValue(v)]));
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plainValue);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainValue(v)]));
  return value === undefined ? null : value;
}

export function entriesObject(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of entries) out[k] = plainValue(v);
  return out;
}
