/**
 * Path → YAML node → offsets: how schema errors and rule findings point at the exact node
 * (STYLE §6). Walks by path, never recursively, and falls back to the nearest ancestor.
 */
import type { Node, Pair, isScalar as IsScalar } from 'yaml';
import type { ParsedYaml } from './parse';
import { yamlLib } from './yamlLib';

export type PathSegment = string | number;

export interface NodeRange {
  start: number;
  end: number;
  /** False when the path does not exist and the range is that of its nearest ancestor. */
  exact: boolean;
}

/**
 * JSON pointer (RFC 6901) to path: '' is the root; `~1` decodes to '/', `~0` to '~'.
 * Segments stay strings; resolution reads numeric ones as sequence indexes where it meets a
 * sequence (the same segment is a key in a map).
 */
export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer;
  return body.split('/').map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export interface Located {
  /** The node at the path (or at the nearest ancestor); null for a root-less document. */
  node: Node | null;
  /** The map entry holding `node`, when its parent is a map. */
  pair: Pair<unknown, unknown> | undefined;
  exact: boolean;
}

/** Same string the key gets in the plain JS value (`1` → "1", `null` → ""). */
function keyString(key: unknown, isScalar: typeof IsScalar): string | undefined {
  if (!isScalar(key)) return undefined;
  const value = key.value;
  return value === null || value === undefined ? '' : String(value);
}

function seqIndex(segment: PathSegment): number | undefined {
  if (typeof segment === 'number') return Number.isInteger(segment) && segment >= 0 ? segment : undefined;
  return /^(?:0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : undefined;
}

export function locate(parsed: ParsedYaml, path: readonly PathSegment[]): Located {
  const doc = parsed.doc;
  if (!doc) return { node: null, pair: undefined, exact: false };
  const { isMap, isScalar, isSeq } = yamlLib();
  let node = doc.contents as Node | null;
  let pair: Pair<unknown, unknown> | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (isMap(node)) {
      const wanted = String(segment);
      let found: Pair<unknown, unknown> | undefined;
      // The last of duplicate keys wins, as in the plain value.
      for (const item of node.items) if (keyString(item.key, isScalar) === wanted) found = item;
      if (!found) return { node, pair, exact: false };
      const value = (found.value as Node | null) ?? null;
      // A key without a value node (`? a`) exists, but has nothing deeper.
      if (value === null) return i === path.length - 1 ? { node: null, pair: found, exact: true } : { node, pair, exact: false };
      node = value;
      pair = found;
    } else if (isSeq(node)) {
      const index = seqIndex(segment);
      const item = index === undefined ? undefined : (node.items[index] as Node | undefined);
      if (item === undefined || item === null) return { node, pair, exact: false };
      node = item;
      pair = undefined;
    } else {
      // Scalars have no children; aliases are not followed (the range would be elsewhere).
      return { node, pair, exact: false };
    }
  }
  return { node, pair, exact: true };
}

function trimEnd(text: string, start: number, end: number): number {
  let e = Math.min(end, text.length);
  while (e > start && /\s/.test(text.charAt(e - 1))) e--;
  return e;
}

/**
 * Where a node's own text ends. Block collections report an end after their trailing
 * comments and blank lines, so follow the last item down instead.
 */
function nodeEnd(node: unknown): number | undefined {
  const { isAlias, isCollection, isPair, isScalar } = yamlLib();
  let current = node;
  for (;;) {
    if (isPair(current)) current = current.value ?? current.key;
    else if (isCollection(current) && !current.flow && current.items.length > 0) current = current.items[current.items.length - 1];
    else break;
  }
  if (isScalar(current) || isAlias(current) || isCollection(current)) return current.range?.[1];
  return undefined;
}

function valueSpan(text: string, node: unknown): { start: number; end: number } | undefined {
  const { isAlias, isCollection, isPair, isScalar } = yamlLib();
  if (isPair(node)) {
    const key = keySpan(text, node);
    const value = valueSpan(text, node.value);
    if (key && value) return { start: key.start, end: Math.max(key.end, value.end) };
    return key ?? value;
  }
  if (!isScalar(node) && !isAlias(node) && !isCollection(node)) return undefined;
  const range = node.range;
  if (!range) return undefined;
  const start = Math.min(range[0], text.length);
  const end = trimEnd(text, start, Math.max(start, nodeEnd(node) ?? range[1]));
  return { start, end };
}

function keySpan(text: string, pair: Pair<unknown, unknown>): { start: number; end: number } | undefined {
  return yamlLib().isPair(pair.key) ? undefined : valueSpan(text, pair.key);
}

export function nodeRange(parsed: ParsedYaml, path: readonly PathSegment[], part: 'key' | 'value' | 'pair' = 'value'): NodeRange {
  const located = locate(parsed, path);
  const text = parsed.text;
  let span: { start: number; end: number } | undefined;
  if (located.pair && part === 'key') span = keySpan(text, located.pair);
  if (located.pair && part === 'pair') span = valueSpan(text, located.pair);
  span ??= valueSpan(text, located.node);
  if (!span && located.pair) span = keySpan(text, located.pair);
  if (!span) return { start: 0, end: 0, exact: false };
  return { ...span, exact: located.exact };
}

/** Range of the first key of the map exactly at `path`, if there is one. */
export function firstKeyRange(parsed: ParsedYaml, path: readonly PathSegment[]): { start: number; end: number } | undefined {
  const located = locate(parsed, path);
  if (!located.exact || !yamlLib().isMap(located.node)) return undefined;
  const first = located.node.items[0];
  return first ? keySpan(parsed.text, first) : undefined;
}
