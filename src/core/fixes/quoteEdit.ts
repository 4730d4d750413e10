/** Edits that point a claim's quote at a new span: exact, prefix, suffix and offsets together. */
import type { TextEdit } from '../model/finding';
import type { Claim } from '../model/sidecar';
import type { YamlFile } from '../dataset/files';
import type { TextIndex } from '../text/textIndex';
import { makeQuote } from '../anchor';
import { insertKeyAfter, renderScalar, replaceValue } from './yamlEdit';

export function requoteEdits(sidecar: YamlFile, claim: Claim, index: TextIndex, start: number, end: number): TextEdit[] {
  const q = makeQuote(index, start, end);
  const base = ['claims', claim.index, 'quote'];
  const edits: TextEdit[] = [];
  const push = (key: string, value: string | number, style: 'auto' | 'double') => {
    const old = claim.quote?.[key as 'exact'];
    if (old === value) return;
    const e = replaceValue(sidecar, [...base, key], value, style);
    if (e) edits.push(e);
  };
  push('exact', q.exact, 'double');
  push('prefix', q.prefix, 'double');
  push('suffix', q.suffix, 'double');
  // Context the annotator left out is added after `exact`, so later searches can tell twins apart.
  const missing = (['prefix', 'suffix'] as const).filter((k) => claim.quote?.[k] === undefined);
  const insert = missing.length > 0 ? insertKeyAfter(sidecar, base, 'exact', missing[0] as string, renderScalar(q[missing[0] as 'prefix'], 'double')) : undefined;
  if (insert) {
    const line = insert.newText.slice(0, insert.newText.indexOf(missing[0] as string));
    for (const k of missing.slice(1)) insert.newText += `${line}${k}: ${renderScalar(q[k], 'double')}`;
    edits.push(insert);
  }
  push('start', q.start, 'auto');
  push('end', q.end, 'auto');
  return edits;
}
