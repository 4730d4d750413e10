/**
 * Offset-based edits of YAML scalars, for fixes. Only the scalar's own characters change, so
 * comments, key order and the rest of the formatting survive.
 */
import type { TextEdit } from '../model/finding';
import type { YamlFile } from '../dataset/files';
import { nodeRange, type PathSegment } from '../yaml/ranges';

/** Plain style only where YAML 1.2 core schema would read it back as the same string. */
const PLAIN_SAFE = /^[A-Za-z][A-Za-z0-9_.-]*(?: [A-Za-z0-9_.-]+)*$/;
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

export function renderScalar(value: string | number | boolean, style: 'auto' | 'double' = 'auto'): string {
  if (typeof value !== 'string') return String(value);
  if (style === 'auto' && PLAIN_SAFE.test(value) && !RESERVED.test(value)) return value;
  // JSON's escapes are a subset of YAML's double-quoted escapes.
  return JSON.stringify(value);
}

/** Replaces the value at `path`; undefined when there is no such node to edit. */
export function replaceValue(
  file: YamlFile,
  path: PathSegment[],
  value: string | number | boolean,
  style: 'auto' | 'double' = 'auto',
): TextEdit | undefined {
  const r = nodeRange(file.parsed, path, 'value');
  if (!r.exact) return undefined;
  return { start: r.start, end: r.end, newText: renderScalar(value, style) };
}

/**
 * Inserts `key: valueText` as a sibling placed right after the pair of `afterKey` in the same
 * map: on its own line with the sibling's indentation in block maps, after a comma in flow maps.
 */
export function insertKeyAfter(file: YamlFile, mapPath: PathSegment[], afterKey: string, key: string, valueText: string): TextEdit | undefined {
  const keyRange = nodeRange(file.parsed, [...mapPath, afterKey], 'key');
  const valueRange = nodeRange(file.parsed, [...mapPath, afterKey], 'value');
  if (!keyRange.exact || !valueRange.exact) return undefined;
  const text = file.text;
  const lineStart = text.lastIndexOf('\n', keyRange.start - 1) + 1;
  const before = text.slice(lineStart, keyRange.start);
  if (/^[ ]*(?:- )?[ ]*$/.test(before)) {
    const indent = ' '.repeat(before.length);
    const eol = text.indexOf('\n', valueRange.end);
    const at = eol < 0 ? text.length : eol > 0 && text[eol - 1] === '\r' ? eol - 1 : eol;
    const newline = text.includes('\r\n') ? '\r\n' : '\n';
    return { start: at, end: at, newText: `${newline}${indent}${key}: ${valueText}` };
  }
  return { start: valueRange.end, end: valueRange.end, newText: `, ${key}: ${valueText}` };
}

/** Adds `key: valueText` to the map at `mapPath` (after its last pair); undefined if it is not a map. */
export function appendToMap(file: YamlFile, mapPath: PathSegment[], keys: readonly string[], key: string, valueText: string): TextEdit | undefined {
  const last = keys[keys.length - 1];
  if (last !== undefined) return insertKeyAfter(file, mapPath, last, key, valueText);
  const r = nodeRange(file.parsed, mapPath, 'value');
  if (!r.exact || file.text.slice(r.start, r.end).replace(/\s/g, '') !== '{}') return undefined;
  return { start: r.start, end: r.end, newText: `{ ${key}: ${valueText} }` };
}

/** Appends an item to the sequence at `seqPath` (flow `[a, b]` or block `- a`); `count` is its length. */
export function appendToSeq(file: YamlFile, seqPath: PathSegment[], count: number, valueText: string): TextEdit | undefined {
  const r = nodeRange(file.parsed, seqPath, 'value');
  if (!r.exact) return undefined;
  const text = file.text;
  if (text[r.start] === '[' && text[r.end - 1] === ']') {
    const empty = text.slice(r.start + 1, r.end - 1).trim() === '';
    return { start: r.end - 1, end: r.end - 1, newText: empty ? valueText : `, ${valueText}` };
  }
  if (count === 0) return undefined;
  const last = nodeRange(file.parsed, [...seqPath, count - 1], 'value');
  if (!last.exact) return undefined;
  const lineStart = text.lastIndexOf('\n', r.start - 1) + 1;
  const indent = text.slice(lineStart, r.start).replace(/-.*$/, '');
  const eol = text.indexOf('\n', last.end);
  const at = eol < 0 ? text.length : eol > 0 && text[eol - 1] === '\r' ? eol - 1 : eol;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  return { start: at, end: at, newText: `${newline}${indent}- ${valueText}` };
}
