/**
 * Changes to one existing claim as offset edits: scalar values replaced in place, missing keys
 * inserted in canonical order next to their neighbours, the claim's block removed whole. Comments
 * and formatting elsewhere are untouched.
 */
import type { YamlFile } from '../dataset/files';
import type { TextEdit } from '../model/finding';
import { asArray, asRecordEntries } from '../model/plain';
import { appendToMap, insertKeyAfter, renderScalar } from '../fixes/yamlEdit';
import { nodeRange, type PathSegment } from '../yaml/ranges';
import { CLAIM_KEYS, renderFields, renderKey, type ClaimKey, type FieldValue } from './renderClaim';
import { afterBreak, lineEndAt, lineStartAt, nextContentLine } from './lines';
import { done, editRefusal, mergeInserts, refuse, type EditResult } from './result';

export interface ClaimChanges {
  actor?: string;
  commitment?: string;
  stance?: string;
  condition?: string;
  speaker?: string;
  annotator?: string;
  'curated-from'?: string;
  note?: string;
  /** Field values to set (others are kept). */
  fields?: ReadonlyArray<readonly [string, FieldValue]>;
}

const SCALAR_KEYS = ['actor', 'commitment', 'stance', 'condition', 'speaker', 'annotator', 'curated-from', 'note'] as const;

/** Index of the claim with this id in the file as it is now; undefined when absent or not unique. */
export function claimIndexById(file: YamlFile, id: string): number | undefined {
  const claims = asArray(new Map(asRecordEntries(file.parsed.value)).get('claims'));
  const found = claims.flatMap((item, i) => (String(new Map(asRecordEntries(item)).get('id')) === id ? [i] : []));
  return found.length === 1 ? found[0] : undefined;
}

export function updateClaim(file: YamlFile, index: number, changes: ClaimChanges): EditResult {
  const problem = editRefusal(file);
  if (problem) return { ok: false, problem };
  const raw = claimMap(file, index);
  if (!raw) return refuse(file, `claim #${index + 1} is not in ${file.path} any more`);
  const path: PathSegment[] = ['claims', index];
  const present = new Set(raw.keys());
  const edits: TextEdit[] = [];
  // Missing keys are gathered first and inserted in canonical order once merged.
  const pending: Array<{ key: ClaimKey; valueText: string }> = [];
  const insert = (key: ClaimKey, valueText: string): boolean => {
    if (!precedingKey(key, present)) return false;
    pending.push({ key, valueText });
    return true;
  };
  for (const key of SCALAR_KEYS) {
    const value = changes[key];
    if (value === undefined || raw.get(key) === value) continue;
    if (present.has(key)) {
      const r = nodeRange(file.parsed, [...path, key], 'value');
      if (r.exact && raw.get(key) !== null) edits.push({ start: r.start, end: r.end, newText: renderScalar(value) });
      else if (!replaceEmpty(file, [...path, key], renderScalar(value), edits)) return refuse(file, `could not edit '${key}' of claim #${index + 1}`);
    } else if (!insert(key, renderScalar(value))) return refuse(file, `could not add '${key}' to claim #${index + 1}`);
  }
  const fields = changes.fields ?? [];
  if (fields.length > 0) {
    const current = raw.get('fields');
    if (!present.has('fields')) {
      if (!insert('fields', renderFields(fields))) return refuse(file, `could not add fields to claim #${index + 1}`);
    } else if (current instanceof Map || (typeof current === 'object' && current !== null && !Array.isArray(current))) {
      const existing = new Map(asRecordEntries(current));
      const keys = [...existing.keys()];
      for (const [name, value] of fields) {
        if (existing.get(name) === value) continue;
        if (existing.has(name)) {
          const r = nodeRange(file.parsed, [...path, 'fields', name], 'value');
          if (!r.exact) return refuse(file, `could not edit field '${name}'`);
          edits.push({ start: r.start, end: r.end, newText: renderScalar(value) });
        } else {
          const e = appendToMap(file, [...path, 'fields'], keys, renderKey(name), renderScalar(value));
          if (!e) return refuse(file, `could not add field '${name}'`);
          edits.push(e);
        }
      }
    } else if (current === null) {
      if (!replaceEmpty(file, [...path, 'fields'], renderFields(fields), edits)) return refuse(file, 'could not fill the empty fields:');
    } else {
      return refuse(file, `fields: of claim #${index + 1} is not a map`);
    }
  }
  pending.sort((a, b) => CLAIM_KEYS.indexOf(a.key) - CLAIM_KEYS.indexOf(b.key));
  for (const { key, valueText } of pending) {
    const e = insertKeyAfter(file, path, precedingKey(key, present) as string, renderKey(key), valueText);
    if (!e) return refuse(file, `could not add '${key}' to claim #${index + 1}`);
    edits.push(e);
  }
  return done(mergeInserts(edits));
}

/**
 * Removes a claim's block: from its `-` line down to the next content line (comments belonging to
 * the next claim stay); the last claim takes the blank lines before it; the only one leaves `[]`.
 */
export function deleteClaim(file: YamlFile, index: number): EditResult {
  const problem = editRefusal(file);
  if (problem) return { ok: false, problem };
  const claims = asArray(new Map(asRecordEntries(file.parsed.value)).get('claims'));
  if (index < 0 || index >= claims.length) return refuse(file, `claim #${index + 1} is not in ${file.path} any more`);
  const text = file.text;
  const seq = nodeRange(file.parsed, ['claims'], 'value');
  if (text[seq.start] === '[') return refuse(file, 'claims: is written as a flow list; edit it by hand', seq.start, seq.end);
  const item = nodeRange(file.parsed, ['claims', index], 'value');
  const itemEnd = lineEndAt(text, item.end);
  if (claims.length === 1) {
    const key = nodeRange(file.parsed, ['claims'], 'key');
    const colon = text.indexOf(':', key.end);
    return done([{ start: colon + 1, end: itemEnd, newText: ' []' }]);
  }
  if (index < claims.length - 1) {
    const start = lineStartAt(text, item.start);
    return done([{ start, end: nextContentLine(text, afterBreak(text, itemEnd)), newText: '' }]);
  }
  const previous = nodeRange(file.parsed, ['claims', index - 1], 'value');
  return done([{ start: lineEndAt(text, previous.end), end: itemEnd, newText: '' }]);
}

function claimMap(file: YamlFile, index: number): Map<string, unknown> | undefined {
  const item = asArray(new Map(asRecordEntries(file.parsed.value)).get('claims'))[index];
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  return new Map(asRecordEntries(item));
}

/** The nearest key before `key` in canonical order that the claim has (else any key it has). */
function precedingKey(key: ClaimKey, present: ReadonlySet<string>): string | undefined {
  const at = CLAIM_KEYS.indexOf(key);
  for (let i = at - 1; i >= 0; i--) if (present.has(CLAIM_KEYS[i] as string)) return CLAIM_KEYS[i];
  // No earlier key: put it after the last one there is (order is then fixed by `fmt`).
  return [...present].pop();
}

/** `key:` with no value: write the value after the colon. */
function replaceEmpty(file: YamlFile, path: PathSegment[], valueText: string, edits: TextEdit[]): boolean {
  const key = nodeRange(file.parsed, path, 'key');
  if (!key.exact) return false;
  const colon = file.text.indexOf(':', key.end);
  if (colon < 0 || colon > lineEndAt(file.text, key.end)) return false;
  edits.push({ start: colon + 1, end: colon + 1, newText: ` ${valueText}` });
  return true;
}
