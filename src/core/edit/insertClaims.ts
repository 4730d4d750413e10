/**
 * New claims into an existing sidecar, as offset edits that leave every other character alone
 * (comments, blank lines, quoting). Claims go in canonical position: sorted by `start`, one block
 * per claim, separated like the claims already there.
 */
import type { YamlFile } from '../dataset/files';
import type { TextEdit } from '../model/finding';
import { asArray, asInteger, asRecordEntries } from '../model/plain';
import { nodeRange } from '../yaml/ranges';
import { DEFAULT_LAYOUT, renderClaimBlock, type BlockLayout, type NewClaim } from './renderClaim';
import { afterBreak, column, eolOf, leadingCommentsStart, lineEndAt, lineStartAt } from './lines';
import { done, editRefusal, refuse, type EditResult } from './result';

export function insertClaims(file: YamlFile, claims: readonly NewClaim[]): EditResult {
  const problem = editRefusal(file);
  if (problem) return { ok: false, problem };
  const root = file.parsed.value;
  const text = file.text;
  const eol = eolOf(text);
  const sorted = [...claims].sort((a, b) => a.quote.start - b.quote.start);
  if (root === null || root === undefined) return refuse(file, `${file.path} is empty: it needs at least "article:"`);
  if (typeof root !== 'object' || Array.isArray(root)) return refuse(file, `${file.path} is not a map of keys (article, claims, …)`);

  const entries = new Map(asRecordEntries(root));
  if (!entries.has('claims')) {
    // A new `claims:` section at the end of the file.
    const lead = text.length === 0 || /[\r\n]$/.test(text) ? '' : eol;
    return done([{ start: text.length, end: text.length, newText: `${lead}claims:${eol}${blocks(sorted, DEFAULT_LAYOUT, eol, true)}${eol}` }]);
  }
  const value = entries.get('claims');
  const key = nodeRange(file.parsed, ['claims'], 'key');
  if (value === null || (Array.isArray(value) && value.length === 0)) {
    // `claims:` or `claims: []`: the key's value becomes a block list.
    const colon = text.indexOf(':', key.end);
    const valueEnd = value === null ? colon + 1 : nodeRange(file.parsed, ['claims'], 'value').end;
    if (colon < 0 || valueEnd < colon) return refuse(file, 'could not find where claims: ends', key.start, key.end);
    const indent = column(text, key.start);
    const layout = { dash: indent + 2, key: indent + 4, step: 2 };
    return done([{ start: colon + 1, end: valueEnd, newText: `${eol}${blocks(sorted, layout, eol, true)}` }]);
  }
  if (!Array.isArray(value)) return refuse(file, 'claims: is not a list', key.start, key.end);
  const seq = nodeRange(file.parsed, ['claims'], 'value');
  if (text[seq.start] === '[') return refuse(file, 'claims: is written as a flow list [ … ]; write it as a block list ("- id: …" lines) to add claims', seq.start, seq.end);

  const layout = layoutOf(file, value.length);
  const blank = separatedByBlankLines(file, value.length);
  const starts = value.map((item) => asInteger(new Map(asRecordEntries(new Map(asRecordEntries(item)).get('quote'))).get('start')));
  // Each new claim goes before the first existing claim that starts after it (ties: after).
  const groups = new Map<number, NewClaim[]>();
  for (const claim of sorted) {
    let at = value.length;
    for (let i = 0; i < starts.length; i++) {
      const s = starts[i];
      if (s !== undefined && s > claim.quote.start) {
        at = i;
        break;
      }
    }
    groups.set(at, [...(groups.get(at) ?? []), claim]);
  }
  const edits: TextEdit[] = [];
  const gap = blank ? eol + eol : eol;
  for (const [at, group] of groups) {
    if (at < value.length) {
      const item = nodeRange(file.parsed, ['claims', at], 'value');
      const start = leadingCommentsStart(text, lineStartAt(text, item.start));
      edits.push({ start, end: start, newText: group.map((c) => renderClaimBlock(c, layout, eol) + gap).join('') });
    } else {
      const last = nodeRange(file.parsed, ['claims', value.length - 1], 'value');
      // After the line holding the end of the last claim, so a trailing comment stays on its line.
      const end = lineEndAt(text, last.end);
      edits.push({ start: end, end, newText: group.map((c) => gap + renderClaimBlock(c, layout, eol)).join('') });
    }
  }
  return done(edits.sort((a, b) => a.start - b.start));
}

function blocks(claims: readonly NewClaim[], layout: BlockLayout, eol: string, blank: boolean): string {
  return claims.map((c) => renderClaimBlock(c, layout, eol)).join(blank ? eol + eol : eol);
}

/** The existing claims' indentation, so a new block lines up with its neighbours. */
function layoutOf(file: YamlFile, count: number): BlockLayout {
  if (count === 0) return DEFAULT_LAYOUT;
  const text = file.text;
  const item = nodeRange(file.parsed, ['claims', 0], 'value');
  const lineStart = lineStartAt(text, item.start);
  const dash = text.lastIndexOf('-', item.start - 1);
  if (dash < lineStart) return DEFAULT_LAYOUT;
  const key = item.start - lineStart;
  let step = DEFAULT_LAYOUT.step;
  const exact = nodeRange(file.parsed, ['claims', 0, 'quote', 'exact'], 'key');
  if (exact.exact && lineStartAt(text, exact.start) !== lineStart) {
    const nested = column(text, exact.start) - key;
    if (nested > 0) step = nested;
  }
  return { dash: dash - lineStart, key, step };
}

/** Whether claims are separated by a blank line (the samples' style); a lone claim gets the canonical blank line. */
function separatedByBlankLines(file: YamlFile, count: number): boolean {
  if (count < 2) return true;
  const text = file.text;
  const first = nodeRange(file.parsed, ['claims', 0], 'value');
  const second = nodeRange(file.parsed, ['claims', 1], 'value');
  const between = text.slice(afterBreak(text, lineEndAt(text, first.end)), lineStartAt(text, second.start));
  // Every line between them ends with a break, so the last split part is the empty remainder.
  return between.split(/\r\n|\r|\n/).slice(0, -1).some((line) => line.trim() === '');
}

/** Ids already used in a sidecar's claims (so a new id is unique in the file). */
export function claimIdsIn(file: YamlFile): Set<string> {
  const root = new Map(asRecordEntries(file.parsed.value));
  const ids = new Set<string>();
  for (const item of asArray(root.get('claims'))) {
    const id = new Map(asRecordEntries(item)).get('id');
    if (typeof id === 'string' || typeof id === 'number') ids.add(String(id));
  }
  // Ids in a file that does not parse are still taken: look at the text too.
  for (const m of file.text.matchAll(/\bid:\s*["']?([A-Za-z0-9][A-Za-z0-9_-]*)/g)) ids.add(m[1] as string);
  return ids;
}
