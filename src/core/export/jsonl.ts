/**
 * JSON Lines for pandas, jq and BigQuery: one claim per line, every field, both offset units.
 * Absent values are null so every line has the same keys (a table's columns).
 */
import type { CheckResult } from '../dataset/check';
import { entriesObject, type ExportOutput } from './output';
import { exportArticles, type ExportArticle, type ExportClaim, type ExportCounts, type ExportOptions } from './record';

export function jsonlLine(article: ExportArticle, c: ExportClaim): string {
  return `${JSON.stringify({
    id: c.id,
    article: article.article,
    sidecar: article.sidecar,
    actor: c.actor,
    commitment: c.commitment,
    stance: c.stance,
    condition: c.condition,
    fields: entriesObject(c.fields),
    speaker: c.speaker,
    annotator: c.annotator,
    note: c.note,
    quote: c.quote,
    start: c.start,
    end: c.end,
    start_utf16: c.start16,
    end_utf16: c.end16,
    anchor: c.anchor,
    source: entriesObject(article.source),
  })}\n`;
}

export function exportJsonl(result: CheckResult, options: ExportOptions, counts: ExportCounts): ExportOutput {
  function* chunks(): Generator<string> {
    for (const a of exportArticles(result, options, counts)) for (const c of a.claims) yield jsonlLine(a, c);
  }
  return { kind: 'stream', chunks: chunks() };
}
