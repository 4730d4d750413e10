/** A claim as plain JSON in the sidecar's canonical key order, plus where it lives. */
import type { ClaimRow } from './rows';

export function claimAsJson(row: ClaimRow): Record<string, unknown> {
  const c = row.claim;
  const out: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined) out[key] = value;
  };
  put('id', c.id);
  put('actor', c.actor);
  put('commitment', c.commitment);
  put('stance', c.stance);
  put('condition', c.condition);
  if (c.fields.size > 0) put('fields', Object.fromEntries(c.fields));
  put('speaker', c.speaker);
  put('annotator', c.annotator);
  put('curated-from', c.curatedFrom);
  put('note', c.note);
  if (c.quote) {
    const q = c.quote;
    put('quote', { exact: q.exact, ...(q.prefix === undefined ? {} : { prefix: q.prefix }), ...(q.suffix === undefined ? {} : { suffix: q.suffix }), start: q.start, end: q.end });
  }
  put('article', row.articlePath);
  put('sidecar', row.sidecarPath);
  return out;
}
