import type { Rule, AnchoredClaim, Report } from './rule';
import type { Finding } from '../model/finding';
import type { Codebook } from '../model/codebook';
import type { ArticleFile } from '../dataset/files';
import type { TextDiff } from '../dataset/textDiff';
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

/** Labels in a trie of UTF-16 units, walked from every position a mention may start at. */
interface TrieNode {
  next: Map<number, TrieNode>;
  /** The label ending here, if one does. */
  label: string | undefined;
}

interface Matcher {
  root: TrieNode;
  actorOf: Map<string, string>;
}

/** A mention inside a line: UTF-16 offsets relative to the line. */
interface Mention {
  start: number;
  end: number;
  text: string;
  actor: string;
}

/** One sentence of a line that mentions actors: each actor once, at its first mention. */
interface Sentence {
  start: number;
  end: number;
  mentions: Mention[];
}

/** The mentions of an article's normalised text, line by line. */
export interface Mentions {
  matcher: Matcher;
  text: string;
  /** Start of each line in the normalised text (UTF-16). */
  lineStarts: number[];
  /** Sentences with mentions, per line (shared between versions for unchanged lines). */
  lines: Sentence[][];
  /** How this analysis was made from the previous one: lines [first, first + added) are new. */
  origin?: { from: Mentions; first: number; removed: number; added: number; diff: TextDiff };
}

const NONE: Sentence[] = [];
const matchers = new WeakMap<Codebook, Matcher | undefined>();
const memo = new WeakMap<ArticleFile, Mentions>();

function mentionMatcher(cb: Codebook): Matcher | undefined {
  if (matchers.has(cb)) return matchers.get(cb);
  const actorOf = new Map<string, string>();
  for (const a of cb.actors.values()) {
    for (const label of [a.name, ...a.aliases]) if (label.trim().length >= 2 && !label.includes('\n') && !actorOf.has(label)) actorOf.set(label, a.id);
  }
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
  const matcher = actorOf.size === 0 ? undefined : { root, actorOf };
  matchers.set(cb, matcher);
  return matcher;
}

const wordCharCache = new Map<number, boolean>();

/** `\p{L}` or `\p{N}`: a letter or digit in any script (ASCII decided without a regex). */
function isWordChar(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  let known = wordCharCache.get(cp);
  if (known === undefined) wordCharCache.set(cp, (known = /[\p{L}\p{N}]/u.test(String.fromCodePoint(cp))));
  return known;
}

/** The code point ending just before `i` (a whole surrogate pair when there is one). */
function codePointBefore(text: string, i: number): number {
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/**
 * Mentions of one line, leftmost first, never overlapping: at each position not preceded by a
 * letter or digit, the longest label that is not followed by one (what the regex
 * `(?<![\p{L}\p{N}])(?:longest|…|shortest)(?![\p{L}\p{N}])` finds, without its cost).
 */
function lineMentions(line: string, m: Matcher, newline: boolean): Sentence[] {
  const found: Mention[] = [];
  const n = line.length;
  let afterWord = false;
  for (let p = 0; p < n; ) {
    const c = line.charCodeAt(p);
    if (!afterWord) {
      let node = m.root.next.get(c);
      let label: string | undefined;
      for (let i = p + 1; node; i++) {
        if (node.label !== undefined && (i >= n || !isWordChar(line.codePointAt(i) as number))) label = node.label;
        if (i >= n) break;
        node = node.next.get(line.charCodeAt(i));
      }
      if (label !== undefined) {
        found.push({ start: p, end: p + label.length, text: label, actor: m.actorOf.get(label) as string });
        p += label.length;
        afterWord = p > 0 && isWordChar(codePointBefore(line, p));
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdbff && p + 1 < n) {
      afterWord = isWordChar(line.codePointAt(p) as number);
      p += 2;
    } else {
      afterWord = isWordChar(c);
      p += 1;
    }
  }
  if (found.length === 0) return NONE;
  return sentencesOf(line, found, newline);
}

/**
 * Groups mentions by sentence. A sentence ends just after ". ", "! " or "? " (closing quotes
 * allowed) or at the line break, which it includes unless punctuation ends the line.
 */
function sentencesOf(line: string, mentions: Mention[], newline: boolean): Sentence[] {
  const boundary = /[.!?]["'’”)]*\s/g;
  const sentences: Sentence[] = [];
  let start = 0;
  let next = boundary.exec(line);
  let current: Sentence | undefined;
  for (const mention of mentions) {
    // Boundaries wholly before the mention move the sentence start past them.
    while (next && next.index < mention.start) {
      start = next.index + next[0].length;
      current = undefined;
      next = boundary.exec(line);
    }
    if (!current) {
      let end = line.length;
      if (next) end = next.index + 1;
      else if (newline) {
        const closing = /[.!?]["'’”)]*$/.exec(line.slice(mention.start));
        end = closing ? mention.start + closing.index + 1 : line.length + 1;
      }
      current = { start, end, mentions: [] };
      sentences.push(current);
    }
    if (!current.mentions.some((x) => x.actor === mention.actor)) current.mentions.push(mention);
  }
  return sentences;
}

function splitLines(text: string, from: number, to: number, m: Matcher, starts: number[], lines: Sentence[][]): void {
  let at = from;
  for (;;) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 || nl >= to ? to : nl;
    starts.push(at);
    lines.push(lineMentions(text.slice(at, end), m, text.charCodeAt(end) === 10));
    if (end >= to) return;
    at = end + 1;
  }
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
  const lines: Sentence[][] = [];
  const prev = previous?.mentions;
  const diff = previous?.diff;
  let origin: Mentions['origin'];
  if (prev && prev.matcher === matcher && diff) {
    // Lines wholly before the edit are unchanged; lines wholly after it moved with the text.
    const first = lineAt(prev.lineStarts, diff.start);
    const last = lineAt(prev.lineStarts, diff.oldEnd);
    for (let i = 0; i < first; i++) {
      starts.push(prev.lineStarts[i] as number);
      lines.push(prev.lines[i] as Sentence[]);
    }
    const delta = diff.newEnd - diff.oldEnd;
    const oldLastEnd = last + 1 < prev.lineStarts.length ? (prev.lineStarts[last + 1] as number) - 1 : prev.text.length;
    splitLines(text, prev.lineStarts[first] as number, oldLastEnd + delta, matcher, starts, lines);
    const added = lines.length - first;
    for (let i = last + 1; i < prev.lineStarts.length; i++) {
      starts.push((prev.lineStarts[i] as number) + delta);
      lines.push(prev.lines[i] as Sentence[]);
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
        for (const sentence of sentences) {
          if (covered(base + sentence.start, base + sentence.end)) continue;
          for (const m of sentence.mentions) {
            const f = make({
              message: `'${m.text}' (${m.actor}) is mentioned in a sentence no claim covers`,
              file: article.path,
              start: index.text16ToRaw(base + m.start),
              end: index.text16ToRaw(base + m.end),
            });
            if (f) found.push(f);
          }
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
  while (i < n || j < m) {
    let a: [number, number] | undefined;
    if (i < n) {
      const s = before.starts[i] as number;
      const e = before.ends[i] as number;
      if (!diff || e <= diff.start) a = [s, e];
      else if (s >= diff.oldEnd) a = [s + delta, e + delta];
      else {
        out.push([Math.min(s, diff.start), Math.max(e + delta, diff.newEnd)]);
        i++;
        continue;
      }
    }
    const bs = j < m ? (after.starts[j] as number) : 0;
    const be = j < m ? (after.ends[j] as number) : 0;
    if (a && j < m && a[0] === bs && a[1] === be) {
      i++;
      j++;
    } else if (j < m && (!a || bs < a[0] || (bs === a[0] && be < a[1]))) {
      out.push([bs, be]);
      j++;
    } else if (a) {
      out.push(a);
      i++;
    }
  }
  return out;
}

function overlapsAny(ranges: Array<[number, number]>, start: number, end: number): boolean {
  for (const [s, e] of ranges) if (s <= end && e >= start) return true;
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
