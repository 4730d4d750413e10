/**
 * Where the cursor is in a YAML file, read from indentation rather than from a parse: while the
 * user types, the file is often not valid YAML, and completion must still work. Handles block
 * maps and lists and one level of flow map on a line (`fields: { location: Uk| }`).
 */
import { lineEndAt, lineStartAt } from '../edit/lines';

export interface YamlContext {
  /** Keys of the enclosing maps, outermost first; `-` stands for a list item. */
  path: string[];
  mode: 'key' | 'value';
  /** In value mode, the key whose value is typed. */
  key?: string;
  /** What is typed before the cursor in the token being completed (quotes removed). */
  prefix: string;
  /** Offsets of the token to replace. */
  start: number;
  end: number;
  /** The cursor sits right after a `:` or `,` with no space: insert one first. */
  needsSpace: boolean;
  /** Keys already present in the map being typed into (key mode). */
  siblings: string[];
  /** Scalar values of the innermost list item, by key (`quote.exact` for the nested quote text). */
  item: Map<string, string>;
}

interface Line {
  start: number;
  text: string;
  indent: number;
  dash: boolean;
  /** Column of the content after indentation and dash. */
  col: number;
  key?: string;
  /** Raw value text after `key:` (comment removed), '' when empty. */
  value?: string;
  blank: boolean;
}

const KEY = /^((?:"[^"]*"|'[^']*'|[^\s#'"{[\],][^:#]*?))\s*:(?:\s+(.*)|\s*)$/;

function parseLine(text: string, start: number): Line {
  const m = /^( *)(?:(-)( +|$))?(.*)$/.exec(text) as RegExpExecArray;
  const indent = (m[1] as string).length;
  const dash = m[2] !== undefined;
  const col = indent + (dash ? 1 + (m[3] ?? '').length : 0);
  const rest = m[4] ?? '';
  const blank = rest.trim() === '' || rest.trimStart().startsWith('#');
  const line: Line = { start, text, indent, dash, col, blank: blank && !dash };
  const k = KEY.exec(rest);
  if (k) {
    line.key = unquote(k[1] as string);
    line.value = stripComment(k[2] ?? '');
  }
  return line;
}

export function yamlContextAt(text: string, offset: number): YamlContext | undefined {
  const lineStart = lineStartAt(text, offset);
  const lineEnd = lineEndAt(text, offset);
  const full = text.slice(lineStart, lineEnd);
  const col = offset - lineStart;
  // On a line of spaces, the cursor's column is where the key goes.
  const current = parseLine(full.trim() === '' ? full.slice(0, col) : full, lineStart);
  const before = full.slice(0, col);
  if (col < current.col) return undefined;
  const typed = before.slice(Math.min(current.col, before.length));
  if (typed.trimStart().startsWith('#')) return undefined;

  let ctx: Omit<YamlContext, 'path' | 'siblings' | 'item'>;
  const extraPath: string[] = [];
  const k = KEY.exec(typed);
  if (k) {
    const key = unquote(k[1] as string);
    const colon = typed.indexOf(':', (k[1] as string).length);
    const afterColon = typed.slice(colon + 1);
    const valueStart = lineStart + current.col + colon + 1 + leadingSpaces(afterColon);
    const valueTyped = text.slice(valueStart, offset);
    if (valueTyped.startsWith('{')) {
      // Flow map: the text after the last `{` or `,` is a key, or `key: value`.
      const inner = valueTyped.slice(Math.max(valueTyped.lastIndexOf('{'), valueTyped.lastIndexOf(',')) + 1);
      const innerStart = offset - inner.length;
      const fcolon = inner.indexOf(':');
      extraPath.push(key);
      if (fcolon >= 0) {
        const val = inner.slice(fcolon + 1);
        const s = innerStart + fcolon + 1 + leadingSpaces(val);
        ctx = { mode: 'value', key: unquote(inner.slice(0, fcolon).trim()), prefix: unquote(val.trim()), start: s, end: tokenEnd(text, offset, lineEnd, true), needsSpace: val.length === 0 };
      } else {
        ctx = { mode: 'key', prefix: inner.trim(), start: innerStart + leadingSpaces(inner), end: tokenEnd(text, offset, lineEnd, true), needsSpace: inner.length === 0 };
      }
    } else {
      ctx = { mode: 'value', key, prefix: unquote(valueTyped.trim()), start: valueStart, end: Math.max(valueEnd(text, valueStart, lineEnd), offset), needsSpace: afterColon.length === 0 };
    }
  } else if (!typed.includes(':')) {
    ctx = { mode: 'key', prefix: typed.trim(), start: lineStart + Math.min(current.col, col), end: tokenEnd(text, offset, lineEnd, false), needsSpace: before.endsWith('-') };
  } else {
    return undefined;
  }

  const scan = ancestors(text, lineStart, current);
  return {
    ...ctx,
    path: [...scan.path, ...extraPath],
    siblings: extraPath.length > 0 ? flowKeys(full) : scan.siblings,
    item: scan.item,
  };
}

interface Scan {
  path: string[];
  siblings: string[];
  item: Map<string, string>;
}

/** Walks up from the current line to find the enclosing keys and list items. */
function ancestors(text: string, lineStart: number, current: Line): Scan {
  const path: string[] = [];
  let keyMax = current.col;
  let dashMax = current.col;
  let itemLine: Line | undefined;
  let parentLine: Line | undefined;
  if (current.dash) {
    path.push('-');
    itemLine = current;
    // A new item's keys are its own, not those of the items before it.
    parentLine = current;
    keyMax = current.indent + 1;
    dashMax = current.indent;
  }
  let at = lineStart;
  while (at > 0 && (keyMax > 0 || dashMax > 0)) {
    const prevEnd = at - (text.charCodeAt(at - 1) === 10 && text.charCodeAt(at - 2) === 13 ? 2 : 1);
    const start = lineStartAt(text, prevEnd);
    at = start;
    const line = parseLine(text.slice(start, prevEnd), start);
    if (line.blank) continue;
    if (line.dash) {
      if (line.indent >= dashMax) continue;
      if (line.key !== undefined && line.col < keyMax && line.value === '') {
        path.push(line.key);
        parentLine ??= line;
      }
      path.push('-');
      itemLine ??= line;
      parentLine ??= line;
      keyMax = line.indent + 1;
      dashMax = line.indent;
    } else if (line.key !== undefined && line.indent < keyMax) {
      if (line.value !== '' && !/^[|>]/.test(line.value ?? '')) continue;
      path.push(line.key);
      parentLine ??= line;
      keyMax = line.indent;
      dashMax = line.indent;
    }
  }
  path.reverse();
  return { path, siblings: siblingKeys(text, parentLine, current), item: itemLine ? itemValues(text, itemLine) : new Map() };
}

/** Keys at the current line's column under the same parent (the lines of the parent's block). */
function siblingKeys(text: string, parent: Line | undefined, current: Line): string[] {
  const out: string[] = [];
  const from = parent ? parent.start : 0;
  const limit = parent ? (parent.dash ? parent.indent : parent.indent) : -1;
  for (const line of linesFrom(text, from)) {
    if (line.start === current.start) continue;
    if (line.start !== from && !line.blank && (line.dash ? line.indent <= limit : line.col <= limit)) break;
    if (line.key !== undefined && line.col === current.col) out.push(line.key);
  }
  return out;
}

/** The values of a list item's keys (and its quote's exact text), read from its lines. */
function itemValues(text: string, item: Line): Map<string, string> {
  const out = new Map<string, string>();
  let inQuote = false;
  for (const line of linesFrom(text, item.start)) {
    if (line.start !== item.start && !line.blank && (line.dash ? line.indent <= item.indent : line.col <= item.indent)) break;
    if (line.key === undefined) continue;
    if (line.col === item.col) {
      inQuote = line.key === 'quote';
      if (line.value !== '') out.set(line.key, unquote(line.value ?? ''));
    } else if (inQuote && line.col > item.col && line.key === 'exact') {
      out.set('quote.exact', unquote(line.value ?? ''));
    }
  }
  return out;
}

function* linesFrom(text: string, start: number): Generator<Line> {
  let at = start;
  while (at < text.length) {
    const end = lineEndAt(text, at);
    yield parseLine(text.slice(at, end), at);
    if (end >= text.length) return;
    at = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

function flowKeys(line: string): string[] {
  const open = line.indexOf('{');
  if (open < 0) return [];
  return [...line.slice(open + 1).matchAll(/(?:^|,)\s*([^\s:,{}]+)\s*:/g)].map((m) => unquote(m[1] as string));
}

function leadingSpaces(s: string): number {
  return s.length - s.trimStart().length;
}

function tokenEnd(text: string, offset: number, lineEnd: number, flow: boolean): number {
  let e = offset;
  const stop = flow ? /[\s,}:#]/ : /[\s:#]/;
  while (e < lineEnd && !stop.test(text[e] as string)) e++;
  return e;
}

/** End of a scalar value on its line, before a trailing comment and spaces. */
function valueEnd(text: string, start: number, lineEnd: number): number {
  const raw = text.slice(start, lineEnd);
  const stripped = stripComment(raw);
  return start + stripped.length;
}

function stripComment(value: string): string {
  const trimmed = value.trim();
  if (/^["']/.test(trimmed)) return value.trimEnd();
  const hash = value.search(/\s#/);
  return (hash >= 0 ? value.slice(0, hash) : value).trimEnd();
}

export function unquote(value: string): string {
  const v = value.trim();
  if (v.startsWith('"')) {
    try {
      return JSON.parse(v.endsWith('"') && v.length > 1 ? v : `${v}"`) as string;
    } catch {
      return v.slice(1).replace(/"$/, '');
    }
  }
  if (v.startsWith("'")) return v.slice(1).replace(/'$/, '').replace(/''/g, "'");
  return v;
}
