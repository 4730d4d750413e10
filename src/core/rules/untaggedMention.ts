import type { Rule, AnchoredClaim, Report } from './rule';
import type { Finding } from '../model/finding';
import type { Codebook } from '../model/codebook';
import type { ArticleFile } from '../dataset/files';
import type { TextDiff } from '../text/textDiff';
import { indexAtOrBefore } from '../text/sortedSearch';

export const untaggedMention: Rule = {
  id: 'untagged-mention',
  description: "An actor's name or alias appears in a sentence that no claim covers: the annotator's to-do list.",
  defaultSeverity: 'hint',
  checkDataset(ctx, report) {
    const cb = ctx.codebook?.model;
    if (!cb) return;
    const claimsByArticle = new Map<string, AnchoredClaim[]>();
    for (const s of ctx.sidecars) if (s.article) claimsByArticle.set(s.article.path, s.claims);
    for (const article of ctx.articles) {
      const mentions = mentionsOf(cb, article);
      if (mentions) reportUntagged(article, mentions, claimsByArticle.get(article.path) ?? [], report);
    }
  },
};

/*
 * Sentences never cross a line break, so an article is analysed line by line: the actor
 * mentions of each line, grouped by sentence. A new version of the text re-analyses only the
 * lines an edit touched (the dataset index passes the previous analysis and the diff), and
 * reporting is a binary search per sentence against the claimed spans.
 */

/**
 * Labels in a trie of UTF-16 units, flattened into typed arrays: the scan visits every word
 * start of every article, where an array read costs far less than a Map lookup.
 */
interface Matcher {
  /** The node each UTF-16 unit leads to from the root; 0 (the root) when no label starts with it. */
  first: Int32Array;
  /** Node k's children: units `childUnit[childStart[k] .. childStart[k + 1])`, ascending, leading to `childNode`. */
  childStart: Int32Array;
  childUnit: Uint16Array;
  childNode: Int32Array;
  /** The label ending at each node and its actor; undefined where none ends. */
  label: Array<string | undefined>;
  actor: Array<string | undefined>;
}

/**
 * The sentences of one line that mention actors, flat: for each, its start, its end and its
 * mention count n, then n pairs (start of the mention, trie node of its label), each actor once,
 * at its first mention. UTF-16 offsets relative to the line. One array per line rather than an
 * object per sentence and per mention: an index keeps every article's, and the garbage
 * collector copies what is kept.
 */
type LineMentions = readonly number[];

/** The mentions of an article's normalised text, line by line. */
export interface Mentions {
  matcher: Matcher;
  text: string;
  /** Start of each line in the normalised text (UTF-16). */
  lineStarts: number[];
  /** Sentences with mentions, per line (shared between versions for unchanged lines). */
  lines: LineMentions[];
  /** How this analysis was made from the previous one: lines [first, first + added) are new. */
  origin?: { from: Mentions; first: number; removed: number; added: number; diff: TextDiff };
}

const NONE: LineMentions = [];
/**
 * The schema's maxLength for names and aliases (a longer one is a schema finding). The scan walks
 * the trie from every word start, so a label this long bounds each walk: a 1 MB alias against a
 * text repeating its words was quadratic (minutes), and is not matched at all.
 */
const MAX_LABEL_LENGTH = 200;
const matchers = new WeakMap<Codebook, Matcher | undefined>();
const memo = new WeakMap<ArticleFile, Mentions>();

function mentionMatcher(cb: Codebook): Matcher | undefined {
  if (matchers.has(cb)) return matchers.get(cb);
  const actorOf = new Map<string, string>();
  for (const a of cb.actors.values()) {
    for (const label of [a.name, ...a.aliases]) if (label.trim().length >= 2 && label.length <= MAX_LABEL_LENGTH && !label.includes('\n') && !actorOf.has(label)) actorOf.set(label, a.id);
  }
  const matcher = actorOf.size === 0 ? undefined : flatTrie(actorOf);
  matchers.set(cb, matcher);
  return matcher;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  label: string | undefined;
}

/** The trie of `actorOf`'s labels, numbered breadth-first so that each node's children are contiguous. */
function flatTrie(actorOf: Map<string, string>): Matcher {
  const root: TrieNode = { next: new Map(), label: undefined };
  for (const label of actorOf.keys()) {
    let node = root;
    for (let i = 0; i < label.length; i++) {
      const c = label.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map(), label: undefined }));
      node = child;
    }
    node.label = label;
  }
  const order: TrieNode[] = [root];
  const starts: number[] = [];
  const units: number[] = [];
  const targets: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const node = order[k] as TrieNode;
    starts.push(units.length);
    for (const c of [...node.next.keys()].sort((a, b) => a - b)) {
      units.push(c);
      targets.push(order.length);
      order.push(node.next.get(c) as TrieNode);
    }
  }
  starts.push(units.length);
  const first = new Int32Array(0x10000);
  for (let k = 0; k < (starts[1] as number); k++) first[units[k] as number] = targets[k] as number;
  return {
    first,
    childStart: Int32Array.from(starts),
    childUnit: Uint16Array.from(units),
    childNode: Int32Array.from(targets),
    label: order.map((n) => n.label),
    actor: order.map((n) => (n.label === undefined ? undefined : actorOf.get(n.label))),
  };
}

/*
 * The class of each UTF-16 unit, learnt on first sight (a `\p{L}` test costs a regex run, and
 * testing all 65,536 units up front would cost milliseconds on every cold start). A low surrogate
 * is never a letter by itself; a high one needs the unit after it. Astral code points are cached
 * apart.
 */
const UNKNOWN = 0;
const WORD = 1;
const OTHER = 2;
const HIGH = 3;
const unitClass = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) unitClass[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? WORD : OTHER;
unitClass.fill(HIGH, 0xd800, 0xdc00);
unitClass.fill(OTHER, 0xdc00, 0xe000);

function learnClass(c: number): number {
  const k = /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? WORD : OTHER;
  unitClass[c] = k;
  return k;
}

const astralCache = new Map<number, boolean>();

/** `\p{L}` or `\p{N}`: a letter or digit in any script. */
function isWordChar(cp: number): boolean {
  if (cp < 0x10000) {
    const k = unitClass[cp] as number;
    return (k === UNKNOWN ? learnClass(cp) : k) === WORD;
  }
  let known = astralCache.get(cp);
  if (known === undefined) astralCache.set(cp, (known = /[\p{L}\p{N}]/u.test(String.fromCodePoint(cp))));
  return known;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Whether the code point starting at `i` (< `to`) is a letter or digit; a pair never reaches past `to`. */
function wordAt(text: string, i: number, to: number): boolean {
  const c = text.charCodeAt(i);
  let k = unitClass[c] as number;
  if (k === UNKNOWN) k = learnClass(c);
  if (k !== HIGH) return k === WORD;
  if (i + 1 >= to) return false;
  const low = text.charCodeAt(i + 1);
  return isLowSurrogate(low) && isWordChar((c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
}

/**
 * Mentions of the line `text[from, to)`, leftmost first, never overlapping: at each position not
 * preceded by a letter or digit, the longest label that is not followed by one (what the regex
 * `(?<![\p{L}\p{N}])(?:longest|…|shortest)(?![\p{L}\p{N}])` with the `u` flag finds, without its
 * cost). Code points, not units: a mention never starts or ends inside a surrogate pair. As pairs
 * (start relative to the line, trie node of the label); undefined when there are none.
 */
function lineMentions(text: string, from: number, to: number, m: Matcher): number[] | undefined {
  const { first, childStart, childUnit, childNode, label } = m;
  // Pairs (start relative to the line, node of the label).
  let found: number[] | undefined;
  let p = from;
  for (;;) {
    // Most units cannot start a label: one table read each skips them.
    let node = 0;
    while (p < to && (node = first[text.charCodeAt(p)] as number) === 0) p++;
    if (p >= to) return found;
    if (p > from && (wordBefore(text, p, from) || splitsPair(text, p))) {
      p++;
      continue;
    }
    let end = -1;
    let hit = 0;
    for (let i = p + 1; ; i++) {
      if (label[node] !== undefined && (i >= to || (!wordAt(text, i, to) && !splitsPair(text, i)))) {
        end = i;
        hit = node;
      }
      if (i >= to) break;
      // Children are few past the first unit: a linear scan of the sorted units.
      const u = text.charCodeAt(i);
      const last = childStart[node + 1] as number;
      let k = childStart[node] as number;
      while (k < last && (childUnit[k] as number) < u) k++;
      if (k === last || childUnit[k] !== u) break;
      node = childNode[k] as number;
    }
    if (end < 0) p++;
    else {
      (found ??= []).push(p - from, hit);
      p = end;
    }
  }
}

/** Whether the code point before `i` (> `from`), a whole pair when there is one after `from`, is a letter or digit. */
function wordBefore(text: string, i: number, from: number): boolean {
  const c = text.charCodeAt(i - 1);
  let k = unitClass[c] as number;
  if (k === UNKNOWN) k = learnClass(c);
  if (k === WORD) return true;
  if (!isLowSurrogate(c) || i - 2 < from) return false;
  const high = text.charCodeAt(i - 2);
  return high >= 0xd800 && high <= 0xdbff && isWordChar((high - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000);
}

/** Whether `i` falls between the two halves of a surrogate pair (a label cannot end there). */
function splitsPair(text: string, i: number): boolean {
  return isLowSurrogate(text.charCodeAt(i)) && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
}

/**
 * Groups the mentions of the line `text[from, to)` by sentence. A sentence ends just after ". ",
 * "! " or "? " (closing quotes allowed: `[.!?]["'’”)]*\s`) or at the line break, which it includes
 * unless punctuation ends the line. Scanned by hand, not with regexes: most lines mention someone.
 */
function sentencesOf(text: string, from: number, to: number, found: number[], m: Matcher, newline: boolean): LineMentions {
  const out: number[] = [];
  let start = 0;
  let next = boundaryAfter(text, from, to);
  // Where the current sentence begins in `out`; -1 before the first and after a boundary.
  let current = -1;
  for (let j = 0; j < found.length; j += 2) {
    const at = found[j] as number;
    const node = found[j + 1] as number;
    // Boundaries whose punctuation comes before the mention move the sentence start past them.
    while (next >= 0 && next - from < at) {
      start = boundaryEnd(text, next) - from;
      current = -1;
      next = boundaryAfter(text, next + 1, to);
    }
    if (current < 0) {
      let end = to - from;
      if (next >= 0) end = next - from + 1;
      else if (newline) {
        // Punctuation, then only closing quotes, at or after the mention ends the line's last sentence.
        let i = to - 1;
        while (i >= from + at && isCloser(text.charCodeAt(i))) i--;
        end = i >= from + at && isStop(text.charCodeAt(i)) ? i - from + 1 : to - from + 1;
      }
      current = out.length;
      out.push(start, end, 0);
    }
    if (!mentionsActor(out, current, m.actor[node], m)) {
      out[current + 2] = (out[current + 2] as number) + 1;
      out.push(at, node);
    }
  }
  return out;
}

/** Whether the sentence at `s` of `line` already mentions `actor`. */
function mentionsActor(line: LineMentions, s: number, actor: string | undefined, m: Matcher): boolean {
  const end = s + 3 + 2 * (line[s + 2] as number);
  for (let k = s + 3; k < end; k += 2) if (m.actor[line[k + 1] as number] === actor) return true;
  return false;
}

/** Index of the punctuation of the first sentence boundary at or after `i` within `[i, to)`, or -1. */
function boundaryAfter(text: string, i: number, to: number): number {
  for (; i < to; i++) {
    if (!isStop(text.charCodeAt(i))) continue;
    let j = i + 1;
    while (j < to && isCloser(text.charCodeAt(j))) j++;
    if (j < to && isSpace(text.charCodeAt(j))) return i;
  }
  return -1;
}

/** Where the boundary whose punctuation is at `i` ends: after its closing quotes and space. */
function boundaryEnd(text: string, i: number): number {
  let j = i + 1;
  while (isCloser(text.charCodeAt(j))) j++;
  return j + 1;
}

function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63; // . ! ?
}

function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41; // " ' ’ ” )
}

/** The regex class `\s`: ECMAScript white space and line terminators. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function splitLines(text: string, from: number, to: number, m: Matcher, starts: number[], lines: LineMentions[]): void {
  let at = from;
  for (;;) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 || nl >= to ? to : nl;
    starts.push(at);
    const found = lineMentions(text, at, end, m);
    lines.push(found ? sentencesOf(text, at, end, found, m, text.charCodeAt(end) === 10) : NONE);
    if (end >= to) return;
    at = end + 1;
  }
}

/**
 * Every mention in `text` before grouping by sentence, leftmost first, as UTF-16 offsets into
 * `text`: what the scan finds, for comparing it with a plain regex.
 */
export function scanMentions(cb: Codebook, text: string): Array<{ start: number; end: number; text: string; actor: string }> {
  const m = mentionMatcher(cb);
  const out: Array<{ start: number; end: number; text: string; actor: string }> = [];
  if (!m) return out;
  for (let at = 0; at <= text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const found = lineMentions(text, at, end, m) ?? [];
    for (let j = 0; j < found.length; j += 2) {
      const start = at + (found[j] as number);
      const label = m.label[found[j + 1] as number] as string;
      out.push({ start, end: start + label.length, text: label, actor: m.actor[found[j + 1] as number] as string });
    }
    at = end + 1;
  }
  return out;
}

/**
 * The mentions of an article (undefined without actors or text). With the previous version's
 * analysis and the diff of the normalised texts, only the lines the edit touched are scanned.
 */
export function mentionsOf(cb: Codebook, article: ArticleFile, previous?: { mentions: Mentions; diff: TextDiff | undefined }): Mentions | undefined {
  const index = article.index;
  const matcher = mentionMatcher(cb);
  if (!index || !matcher) return undefined;
  const known = memo.get(article);
  if (known?.matcher === matcher) return known;
  const text = index.text;
  const starts: number[] = [];
  const lines: LineMentions[] = [];
  const prev = previous?.mentions;
  const diff = previous?.diff;
  let origin: Mentions['origin'];
  if (prev && prev.matcher === matcher && diff) {
    // Lines wholly before the edit are unchanged; lines wholly after it moved with the text.
    const first = lineAt(prev.lineStarts, diff.start);
    const last = lineAt(prev.lineStarts, diff.oldEnd);
    for (let i = 0; i < first; i++) {
      starts.push(prev.lineStarts[i] as number);
      lines.push(prev.lines[i] as LineMentions);
    }
    const delta = diff.newEnd - diff.oldEnd;
    const oldLastEnd = last + 1 < prev.lineStarts.length ? (prev.lineStarts[last + 1] as number) - 1 : prev.text.length;
    splitLines(text, prev.lineStarts[first] as number, oldLastEnd + delta, matcher, starts, lines);
    const added = lines.length - first;
    for (let i = last + 1; i < prev.lineStarts.length; i++) {
      starts.push((prev.lineStarts[i] as number) + delta);
      lines.push(prev.lines[i] as LineMentions);
    }
    origin = { from: prev, first, removed: last + 1 - first, added, diff };
  } else {
    splitLines(text, 0, text.length, matcher, starts, lines);
  }
  const mentions: Mentions = { matcher, text, lineStarts: starts, lines, origin };
  memo.set(article, mentions);
  return mentions;
}

/** Index of the line holding `offset` (the last line start at or before it). */
function lineAt(starts: number[], offset: number): number {
  return indexAtOrBefore(starts, offset);
}

/** The rule's findings for one article, line by line, so that the next version can reuse lines. */
export interface UntaggedFindings {
  mentions: Mentions;
  /** Claimed spans, UTF-16 into the normalised text, sorted. */
  spans: Spans;
  lines: Finding[][];
  all: Finding[];
}

const NO_FINDINGS: Finding[] = [];

/** Reports mentions in sentences no claim's span overlaps. */
export function reportUntagged(article: ArticleFile, mentions: Mentions, claims: readonly AnchoredClaim[], report: Report): void {
  untaggedFindings(article, mentions, claims, (f) => {
    report(f);
    return undefined;
  });
}

/**
 * The findings of an article, reusing `previous` (the last version's, with the raw diff between
 * the texts) for every line whose text did not change and whose sentences no changed span
 * touches: those findings are the same, moved with the edit.
 */
export function untaggedFindings(
  article: ArticleFile,
  mentions: Mentions,
  claims: readonly AnchoredClaim[],
  make: (f: { message: string; file: string; start: number; end: number }) => Finding | undefined,
  previous?: { findings: UntaggedFindings; rawDiff: TextDiff | undefined },
): UntaggedFindings {
  const index = article.index;
  const spans = index ? spansOf(index, claims) : NO_SPANS;
  const result: UntaggedFindings = { mentions, spans, lines: [], all: [] };
  if (!index) return result;
  const { starts, maxEnd } = spans;
  // A sentence [s, e) is covered when some span starting before e ends after s.
  const covered = (s: number, e: number): boolean => {
    const k = firstAtOrAfter(starts, e);
    return k > 0 && (maxEnd[k - 1] as number) > s;
  };

  const reuse = previous && reusable(previous.findings, mentions) ? previous.findings : undefined;
  // The edit between the two versions, when the text changed.
  const origin = reuse && reuse.mentions !== mentions ? mentions.origin : undefined;
  const changed = reuse ? changedRanges(reuse.spans, spans, origin?.diff) : [];
  let same = reuse !== undefined && reuse.lines.length === mentions.lines.length && previous?.rawDiff === undefined;
  const { label, actor } = mentions.matcher;
  mentions.lines.forEach((sentences, i) => {
    let out = NO_FINDINGS;
    const base = mentions.lineStarts[i] as number;
    if (sentences.length > 0) {
      const old = reuse ? previousLine(i, origin) : undefined;
      const lineEnd = i + 1 < mentions.lineStarts.length ? (mentions.lineStarts[i + 1] as number) : mentions.text.length + 1;
      if (reuse && old !== undefined && reuse.mentions.lines[old] === sentences && !overlapsAny(changed, base, lineEnd)) {
        out = moved(reuse.lines[old] as Finding[], previous?.rawDiff);
      } else {
        const found: Finding[] = [];
        for (let s = 0; s < sentences.length; ) {
          const end = s + 3 + 2 * (sentences[s + 2] as number);
          if (!covered(base + (sentences[s] as number), base + (sentences[s + 1] as number))) {
            for (let k = s + 3; k < end; k += 2) {
              const start = base + (sentences[k] as number);
              const text = label[sentences[k + 1] as number] as string;
              const f = make({
                message: `'${text}' (${actor[sentences[k + 1] as number]}) is mentioned in a sentence no claim covers`,
                file: article.path,
                start: index.text16ToRaw(start),
                end: index.text16ToRaw(start + text.length),
              });
              if (f) found.push(f);
            }
          }
          s = end;
        }
        if (found.length > 0) out = found;
      }
    }
    if (same && out !== reuse?.lines[i]) same = false;
    result.lines.push(out);
    for (const f of out) result.all.push(f);
  });
  return same && reuse ? { ...result, all: reuse.all } : result;
}

/** Whether `previous` describes the text `mentions` was derived from (or the same text). */
function reusable(previous: UntaggedFindings, mentions: Mentions): boolean {
  return previous.mentions === mentions || mentions.origin?.from === previous.mentions;
}

/** The previous version's line for line `i`, or undefined for a line the edit re-made. */
function previousLine(i: number, origin: Mentions['origin']): number | undefined {
  if (!origin) return i;
  if (i < origin.first) return i;
  if (i < origin.first + origin.added) return undefined;
  return i - origin.added + origin.removed;
}

/**
 * Claimed spans sorted by start, then end, with the running maximum of the ends. Typed arrays:
 * a keystroke in a long article rebuilds them for thousands of claims.
 */
interface Spans {
  starts: Int32Array;
  ends: Int32Array;
  maxEnd: Int32Array;
}

const NO_SPANS: Spans = { starts: new Int32Array(0), ends: new Int32Array(0), maxEnd: new Int32Array(0) };

function spansOf(index: NonNullable<ArticleFile['index']>, claims: readonly AnchoredClaim[]): Spans {
  let n = 0;
  for (const c of claims) if (c.anchor) n++;
  let starts = new Int32Array(n);
  let ends = new Int32Array(n);
  let sorted = true;
  let k = 0;
  for (const c of claims) {
    if (!c.anchor) continue;
    const s = index.cpToText16(c.anchor.start);
    const e = index.cpToText16(c.anchor.end);
    if (k > 0 && (s < (starts[k - 1] as number) || (s === starts[k - 1] && e < (ends[k - 1] as number)))) sorted = false;
    starts[k] = s;
    ends[k++] = e;
  }
  // Claims are usually in text order; sort only when they are not.
  if (!sorted) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (starts[a] as number) - (starts[b] as number) || (ends[a] as number) - (ends[b] as number));
    const s2 = new Int32Array(n);
    const e2 = new Int32Array(n);
    order.forEach((from, to) => {
      s2[to] = starts[from] as number;
      e2[to] = ends[from] as number;
    });
    starts = s2;
    ends = e2;
  }
  const maxEnd = new Int32Array(n);
  let running = -1;
  for (let i = 0; i < n; i++) maxEnd[i] = running = Math.max(running, ends[i] as number);
  return { starts, ends, maxEnd };
}

/**
 * Spans present in one version and not the other, in new coordinates: the old spans moved
 * with the edit (a shift keeps their order), merged against the new ones; an old span the edit
 * overlapped counts as changed, stretched over the edit.
 */
function changedRanges(before: Spans, after: Spans, diff: TextDiff | undefined): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const delta = diff ? diff.newEnd - diff.oldEnd : 0;
  let i = 0;
  let j = 0;
  const n = before.starts.length;
  const m = after.starts.length;
  // The old span in new coordinates as two numbers (`has`: there is one), not a pair per span.
  while (i < n || j < m) {
    let has = false;
    let as = 0;
    let ae = 0;
    if (i < n) {
      const s = before.starts[i] as number;
      const e = before.ends[i] as number;
      if (!diff || e <= diff.start) {
        as = s;
        ae = e;
        has = true;
      } else if (s >= diff.oldEnd) {
        as = s + delta;
        ae = e + delta;
        has = true;
      } else {
        out.push([Math.min(s, diff.start), Math.max(e + delta, diff.newEnd)]);
        i++;
        continue;
      }
    }
    const bs = j < m ? (after.starts[j] as number) : 0;
    const be = j < m ? (after.ends[j] as number) : 0;
    if (has && j < m && as === bs && ae === be) {
      i++;
      j++;
    } else if (j < m && (!has || bs < as || (bs === as && be < ae))) {
      out.push([bs, be]);
      j++;
    } else if (has) {
      out.push([as, ae]);
      i++;
    }
  }
  return out;
}

function overlapsAny(ranges: Array<[number, number]>, start: number, end: number): boolean {
  // Indexed: destructuring in for…of made an iterator per line of the article.
  for (let k = 0; k < ranges.length; k++) {
    const r = ranges[k] as [number, number];
    if (r[0] <= end && r[1] >= start) return true;
  }
  return false;
}

function moved(findings: Finding[], diff: TextDiff | undefined): Finding[] {
  if (!diff || findings.length === 0 || (findings[0] as Finding).start < diff.oldEnd) return findings;
  const delta = diff.newEnd - diff.oldEnd;
  // Spelled out when the finding has only the fields this rule gives (the common case): thousands move per keystroke.
  return findings.map((f) =>
    f.fixes === undefined && f.related === undefined && f.claimId === undefined
      ? { rule: f.rule, severity: f.severity, message: f.message, file: f.file, start: f.start + delta, end: f.end + delta }
      : { ...f, start: f.start + delta, end: f.end + delta },
  );
}

function firstAtOrAfter(starts: Int32Array, e: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) < e) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
