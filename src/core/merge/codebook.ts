/**
 * Entry-level three-way merge of the codebook (issue 14). The codebook is hand-written with
 * care (flow or block lists, section comments), so instead of re-rendering it, their changes
 * are spliced into our text entry by entry: actors, commitments and stances matched by id
 * (map keys), recursing into entries both sides changed; aliases, contradictions and other
 * lists of names merged as sets. Our formatting stays; their entries come with theirs.
 */
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { afterBreak, eolOf, leadingCommentsStart, lineEndAt, lineStartAt } from '../edit/lines';
import { parseYaml, type ParsedYaml } from '../yaml/parse';
import { yamlLib } from '../yaml/yamlLib';
import { countConflicts, withMarkers, type Labels } from './markers';
import type { MergeOutcome } from './outcome';
import { sameValue } from './values';

/** Lists whose order carries no meaning: merged as sets. */
const SET_KEYS = new Set(['aliases', 'contradictions', 'actor-types', 'articles', 'values']);

interface Doc {
  text: string;
  parsed: ParsedYaml;
}

interface Entry {
  key: string;
  pair: Pair<unknown, unknown>;
  /** Whole lines [start, end): leading comments, the key, its value, up to the next entry. */
  start: number;
  end: number;
  indent: number;
  value: unknown;
}

/** An edit of our text; `ours` and `theirs` differ only for a conflict. */
interface Edit {
  start: number;
  end: number;
  ours: string;
  theirs: string;
}

class Unmergeable extends Error {}

function toJs(node: unknown): unknown {
  const { isNode } = yamlLib();
  return isNode(node) ? (node as Node).toJSON() : node;
}

function entriesOf(doc: Doc, map: unknown): Entry[] | undefined {
  const { isMap, isScalar } = yamlLib();
  if (!isMap(map) || (map as YAMLMap).flow) return undefined;
  const text = doc.text;
  const items = (map as YAMLMap<unknown, unknown>).items;
  const heads: Array<{ pair: Pair<unknown, unknown>; key: string; lineStart: number; start: number; indent: number }> = [];
  for (const pair of items) {
    const k = pair.key;
    if (!isScalar(k) || !k.range) return undefined;
    const keyStart = k.range[0];
    const lineStart = lineStartAt(text, keyStart);
    // A key sharing its line with a `- ` (a map inside a list) cannot be cut out by lines.
    if (text.slice(lineStart, keyStart).trim() !== '') return undefined;
    heads.push({ pair, key: String(k.value), lineStart, start: leadingCommentsStart(text, lineStart), indent: keyStart - lineStart });
  }
  return heads.map((h, i) => {
    const next = heads[i + 1];
    let end: number;
    if (next) end = next.start;
    else {
      const v = h.pair.value as Node | null;
      const k = h.pair.key as Node;
      const valueEnd = v?.range?.[1] ?? k.range?.[1] ?? h.lineStart;
      end = afterBreak(text, lineEndAt(text, Math.max(valueEnd - 1, h.lineStart)));
    }
    return { key: h.key, pair: h.pair, start: h.start, end, indent: h.indent, value: toJs(h.pair.value) };
  });
}

/** Lines of an entry moved from `from` spaces to `to` spaces of indentation, with our line ends. */
function reindent(text: string, from: number, to: number, eol: string): string {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  const moved = lines.map((line) => {
    if (line.trim() === '') return '';
    const lead = line.length - line.trimStart().length;
    const cut = Math.min(lead, from);
    return ' '.repeat(to) + line.slice(cut);
  });
  return moved.join(eol) + eol;
}

function entryText(doc: Doc, e: Entry, indent: number, eol: string): string {
  return reindent(doc.text.slice(e.start, e.end), e.indent, indent, eol);
}

function same(a: Doc, x: Entry | undefined, b: Doc, y: Entry | undefined): boolean {
  if (!x || !y) return x === y;
  return reindent(a.text.slice(x.start, x.end), x.indent, 0, '\n') === reindent(b.text.slice(y.start, y.end), y.indent, 0, '\n');
}

interface Ctx {
  base: Doc;
  ours: Doc;
  theirs: Doc;
  eol: string;
  edits: Edit[];
}

function mergeMap(ctx: Ctx, bMap: unknown, oMap: unknown, tMap: unknown): boolean {
  const oE = entriesOf(ctx.ours, oMap);
  const tE = entriesOf(ctx.theirs, tMap);
  const bE = bMap === undefined ? [] : entriesOf(ctx.base, bMap);
  if (!oE || !tE || !bE || oE.length === 0) return false;
  const find = (list: Entry[], key: string) => list.find((e) => e.key === key);
  const keys = [...new Set([...oE.map((e) => e.key), ...tE.map((e) => e.key), ...bE.map((e) => e.key)])];
  const indent = (oE[0] as Entry).indent;
  const { base, ours, theirs, eol } = ctx;
  for (const key of keys) {
    const b = find(bE, key), o = find(oE, key), t = find(tE, key);
    const theirText = t ? entryText(theirs, t, indent, eol) : '';
    if (same(base, b, ours, o)) {
      if (same(base, b, theirs, t)) continue;
      if (o) ctx.edits.push({ start: o.start, end: o.end, ours: theirText, theirs: theirText });
      else {
        const at = insertionPoint(oE, tE, key);
        ctx.edits.push({ start: at, end: at, ours: theirText, theirs: theirText });
      }
      continue;
    }
    if (same(base, b, theirs, t) || (o && t && (same(ours, o, theirs, t) || sameValue(o.value, t.value)))) continue;
    if (o && t && mergeMap(ctx, b?.pair.value, o.pair.value, t.pair.value)) continue;
    if (o && t && SET_KEYS.has(key)) {
      const merged = mergeSet(ctx, b, o, t);
      if (merged !== undefined) {
        ctx.edits.push({ start: o.start, end: o.end, ours: merged, theirs: merged });
        continue;
      }
    }
    const at = o ? o.start : insertionPoint(oE, tE, key);
    ctx.edits.push({ start: at, end: o ? o.end : at, ours: o ? ours.text.slice(o.start, o.end) : '', theirs: theirText });
  }
  return true;
}

/** After the nearest entry before `key` in their order that we have too; else before our first. */
function insertionPoint(oE: Entry[], tE: Entry[], key: string): number {
  const i = tE.findIndex((e) => e.key === key);
  for (let j = i - 1; j >= 0; j--) {
    const prev = oE.find((e) => e.key === (tE[j] as Entry).key);
    if (prev) return prev.end;
  }
  return (oE[0] as Entry).start;
}

function setKey(value: unknown): string {
  return JSON.stringify(Array.isArray(value) ? [...value].map((v) => JSON.stringify(v)).sort() : value);
}

/** Our entry with the list merged as a set: ours minus what they removed, plus what they added. */
function mergeSet(ctx: Ctx, b: Entry | undefined, o: Entry, t: Entry): string | undefined {
  const { isSeq } = yamlLib();
  const oSeq = o.pair.value, tSeq = t.pair.value;
  if (!isSeq(oSeq) || !isSeq(tSeq)) return undefined;
  const items = (doc: Doc, seq: unknown) =>
    (seq as YAMLSeq<unknown>).items.map((n) => {
      const r = (n as Node).range;
      return { key: setKey(toJs(n)), text: r ? doc.text.slice(r[0], r[1]).trim() : JSON.stringify(toJs(n)) };
    });
  const oItems = items(ctx.ours, oSeq), tItems = items(ctx.theirs, tSeq);
  if ([...oItems, ...tItems].some((i) => i.text.includes('\n'))) return undefined;
  const bKeys = new Set(b && isSeq(b.pair.value) ? items(ctx.base, b.pair.value).map((i) => i.key) : []);
  const tKeys = new Set(tItems.map((i) => i.key));
  const oKeys = new Set(oItems.map((i) => i.key));
  const kept = oItems.filter((i) => !(bKeys.has(i.key) && !tKeys.has(i.key)));
  const added = tItems.filter((i) => !oKeys.has(i.key) && !bKeys.has(i.key));
  const all = [...kept, ...added].map((i) => i.text);
  const text = ctx.ours.text;
  const pad = ' '.repeat(o.indent);
  const keyNode = o.pair.key as Node;
  const keySource = text.slice(keyNode.range![0], keyNode.range![1]);
  const lead = text.slice(o.start, lineStartAt(text, keyNode.range![0]));
  if ((oSeq as YAMLSeq).flow || all.length === 0) return `${lead}${pad}${keySource}: [${all.join(', ')}]${ctx.eol}`;
  const first = ((oSeq as YAMLSeq).items[0] as Node).range![0];
  const dash = text.lastIndexOf('-', first);
  const itemPad = ' '.repeat(Math.max(0, dash - lineStartAt(text, dash)));
  const headLine = text.slice(lineStartAt(text, keyNode.range![0]), lineEndAt(text, keyNode.range![0]));
  return `${lead}${headLine}${ctx.eol}${all.map((i) => `${itemPad}- ${i}`).join(ctx.eol)}${ctx.eol}`;
}

function apply(text: string, edits: Edit[], side: 'ours' | 'theirs'): string {
  // Insertions before the replacement of the entry they precede.
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Unmergeable('overlapping entries');
    out += text.slice(at, e.start) + e[side];
    at = e.end;
  }
  return out + text.slice(at);
}

function read(text: string, name: string): Doc | string {
  const parsed = parseYaml(text);
  if (parsed.problems.length > 0 || !parsed.doc) return `${name} does not parse (${parsed.problems[0]?.message ?? 'YAML problem'})`;
  return { text, parsed };
}

export function mergeCodebook(baseText: string, oursText: string, theirsText: string, labels?: Labels): MergeOutcome {
  const base = read(baseText.trim() === '' ? '{}\n' : baseText, 'the base');
  const ours = read(oursText, 'our side');
  const theirs = read(theirsText, 'their side');
  if (typeof base === 'string') return { kind: 'fallback', reason: base };
  if (typeof ours === 'string') return { kind: 'fallback', reason: ours };
  if (typeof theirs === 'string') return { kind: 'fallback', reason: theirs };
  const eol = eolOf(oursText);
  const text = oursText.endsWith('\n') ? oursText : oursText + eol;
  const ctx: Ctx = { base, ours: { ...ours, text }, theirs, eol, edits: [] };
  const root = (d: Doc) => d.parsed.doc?.contents;
  try {
    const { isMap } = yamlLib();
    const b = root(base);
    if (!mergeMap(ctx, isMap(b) && !(b as YAMLMap).flow ? b : undefined, root(ours), root(theirs))) return { kind: 'fallback', reason: 'the codebook is not a block mapping' };
    const oursRes = apply(text, ctx.edits, 'ours');
    const theirsRes = apply(text, ctx.edits, 'theirs');
    const split = (s: string) => s.replace(/\r?\n$/, '').split(/\r?\n/);
    const lines = withMarkers(split(oursRes), split(theirsRes), labels);
    return { kind: 'merged', text: lines.join(eol) + eol, conflicts: countConflicts(lines) };
  } catch (error) {
    if (error instanceof Unmergeable) return { kind: 'fallback', reason: error.message };
    throw error;
  }
}
