/**
 * Span training data (spaCy, Prodigy, doccano): one article per line, its normalised text and
 * its claims as spans with code-point offsets (Python's string indices). `label` is the
 * commitment; the rest of the claim rides along on each span, so the format loses nothing but
 * the quote's stored prefix and suffix, which import takes again from the text.
 */
import type { CheckResult } from '../dataset/check';
import { entriesObject, type ExportOutput } from './output';
import { exportArticles, type ExportCounts, type ExportOptions } from './record';
import type { ImportedClaim, ImportProblem } from './importTypes';
import { claimIds, optionalString, optionalValues, quoteAt } from './importValues';

export function exportSpans(result: CheckResult, options: ExportOptions, counts: ExportCounts): ExportOutput {
  function* chunks(): Generator<string> {
    for (const a of exportArticles(result, options, counts)) {
      if (a.text === undefined) continue;
      const spans = a.claims.map((c) => ({
        start: c.start,
        end: c.end,
        label: c.commitment.id,
        id: c.id,
        actor: c.actor.id,
        stance: c.stance.id,
        condition: c.condition,
        fields: entriesObject(c.fields),
        speaker: c.speaker,
        annotator: c.annotator,
        note: c.note,
        text: c.quote.exact,
      }));
      yield `${JSON.stringify({ text: a.text, spans, meta: { article: a.article, sidecar: a.sidecar, source: entriesObject(a.source) } })}\n`;
    }
  }
  return { kind: 'stream', chunks: chunks() };
}

/** Claims from a spans file; lines that are not records of this shape are reported, not guessed at. */
export function importSpans(text: string, origin: string): { claims: ImportedClaim[]; problems: ImportProblem[] } {
  const claims: ImportedClaim[] = [];
  const problems: ImportProblem[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${origin}:${i + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      problems.push({ origin: where, message: 'not a JSON line' });
      return;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return void problems.push({ origin: where, message: 'not a JSON object' });
    const r = record as Record<string, unknown>;
    if (typeof r.text !== 'string' || !Array.isArray(r.spans)) return void problems.push({ origin: where, message: 'needs "text" (a string) and "spans" (a list)' });
    const meta = typeof r.meta === 'object' && r.meta !== null ? (r.meta as Record<string, unknown>) : {};
    const article = typeof meta.article === 'string' ? meta.article : undefined;
    const chars = Array.from(r.text);
    r.spans.forEach((raw, j) => {
      const at = `${where} span ${j + 1}`;
      if (typeof raw !== 'object' || raw === null) return void problems.push({ origin: at, message: 'not an object' });
      const s = raw as Record<string, unknown>;
      const { start, end } = s;
      if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) > chars.length || (start as number) >= (end as number)) {
        return void problems.push({ origin: at, message: `start/end are not code-point offsets of a non-empty span in the text (${chars.length} code points)` });
      }
      const ids = claimIds({ actor: s.actor, commitment: s.label, stance: s.stance }, { commitment: 'label' });
      if (!ids.ok) return void problems.push({ origin: at, message: `missing ${ids.missing}` });
      claims.push({
        origin: at,
        article,
        text: r.text as string,
        id: optionalString(s.id),
        ...ids.ids,
        ...optionalValues(s),
        annotator: optionalString(s.annotator),
        quote: quoteAt(chars, start as number, end as number),
      });
    });
  });
  return { claims, problems };
}
