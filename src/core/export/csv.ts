/**
 * CSV for Excel, R and SPSS (RFC 4180): one claim per row, the jsonl record flattened. The
 * header is known before the first row: `fields.*` columns are every field the codebook declares
 * plus any other a claim carries, `source.*` every key the sidecars' `source:` use.
 */
import type { CheckResult } from '../dataset/check';
import { plainValue, type ExportOutput } from './output';
import { exportArticles, fieldNames, type ExportArticle, type ExportClaim, type ExportCounts, type ExportOptions } from './record';

const FIXED = ['id', 'article', 'sidecar', 'actor', 'actor_name', 'commitment', 'commitment_label', 'commitment_ancestors', 'stance', 'stance_label', 'condition'] as const;
const AFTER_FIELDS = ['speaker', 'annotator', 'note', 'exact', 'prefix', 'suffix', 'start', 'end', 'start_utf16', 'end_utf16', 'anchor'] as const;

/** RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const v = plainValue(value);
  const text = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export function exportCsv(result: CheckResult, options: ExportOptions, counts: ExportCounts): ExportOutput {
  const extraFields = new Set<string>();
  const sourceKeys = new Set<string>();
  for (const s of result.sidecars) {
    for (const k of s.sidecar.model.source.keys()) sourceKeys.add(k);
    for (const { claim } of s.claims) for (const k of claim.fields.keys()) extraFields.add(k);
  }
  const fields = fieldNames(result.codebook?.model, extraFields);
  const sources = [...sourceKeys].sort();
  const header = [...FIXED, ...fields.map((f) => `fields.${f}`), ...AFTER_FIELDS, ...sources.map((s) => `source.${s}`)];
  const row = (a: ExportArticle, c: ExportClaim) => {
    const f = new Map(c.fields);
    const src = new Map(a.source);
    return csvRow([
      c.id,
      a.article,
      a.sidecar,
      c.actor.id,
      c.actor.name,
      c.commitment.id,
      c.commitment.label,
      c.commitment.ancestors.join(';'),
      c.stance.id,
      c.stance.label,
      c.condition,
      ...fields.map((n) => f.get(n)),
      c.speaker,
      c.annotator,
      c.note,
      c.quote.exact,
      c.quote.prefix,
      c.quote.suffix,
      c.start,
      c.end,
      c.start16,
      c.end16,
      c.anchor,
      ...sources.map((k) => src.get(k)),
    ]);
  };
  function* chunks(): Generator<string> {
    yield csvRow(header);
    for (const a of exportArticles(result, options, counts)) for (const c of a.claims) yield row(a, c);
  }
  return { kind: 'stream', chunks: chunks() };
}
