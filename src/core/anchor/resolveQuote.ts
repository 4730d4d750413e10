/**
 * Finds where a quote is in the current article text (DESIGN §2): exact at its recorded
 * offsets, moved (exact text elsewhere), drifted (approximate match), ambiguous (a tie, or the
 * annotated passage edited while a look-alike exists elsewhere) or orphaned.
 *
 * Internally everything is UTF-16 into `index.text`; results are code points.
 */
import type { TextIndex } from '../text/textIndex';
import { fuzzyEnds, fuzzyStart, type FuzzyEnd } from './myers';
import { textScan, type TextScan } from './textScans';
import { contextIsPerfect, prefixSimilarity, suffixSimilarity } from './similarity';
import type { AnchorCandidate, AnchorResult, QuoteSelector } from './types';

/** Scores closer than this (0..1) are a tie: never pick one of them silently. */
const EPSILON = 0.01;
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const TOTAL_WEIGHT = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;
/** Quotes shorter than this (code points) match too easily by chance: stricter thresholds. */
const SHORT_QUOTE = 20;
const MAX_FUZZY_CANDIDATES = 50;
/** Beyond this many match ends, the cap keeps the fewest errors without guessing context (the guess costs two small edit distances each). */
const MAX_PRERANKED = 20_000;
const MAX_CONTEXT_SCORED = 1000;
const MAX_OCCURRENCES = 100_000;

export interface ResolveOptions {
  /** Code points searched on each side of the old span before the whole text. */
  window?: number;
  /**
   * Search the whole text once with every error allowed, without the cheaper first pass: the
   * reference the tests hold the two passes to.
   */
  exhaustive?: boolean;
}

interface Candidate {
  start: number; // UTF-16 into index.text
  end: number;
  quote: number; // similarity of the candidate text to the quote
  prefix: number;
  suffix: number;
  position: number; // closeness to the old start, 0..1
  total: number; // weighted score, 0..1
  home: boolean; // overlaps the old span: the passage the claim was made on
}

/** What the search needs to know about the quote, normalised once. */
interface Query {
  index: TextIndex;
  text: string;
  exact: string;
  prefix: string;
  suffix: string;
  cpLength: number; // of the quote
  /** Old span in UTF-16 and in code points, when the quote carried usable offsets. */
  old?: { start: number; end: number };
  oldCp?: { start: number; end: number };
  /** UTF-16 distance at which position closeness reaches 0. */
  radius: number;
  window: number;
  exhaustive: boolean;
}

export function resolveQuote(quote: QuoteSelector, index: TextIndex, options: ResolveOptions = {}): AnchorResult {
  const q = query(quote, index, options);
  if (!('exact' in q)) return q;
  const occurrences = occurrencesOf(q);
  return (occurrences.length > 0 ? resolveOccurrences(q, occurrences) : resolveFuzzy(q)) ?? orphaned(q.oldCp);
}

function occurrencesOf(q: Query): number[] {
  const { text, exact } = q;
  const occurrences: number[] = [];
  for (let i = text.indexOf(exact); i >= 0 && occurrences.length < MAX_OCCURRENCES; i = text.indexOf(exact, i + 1)) {
    occurrences.push(i);
  }
  return occurrences;
}

/**
 * The whole-text search `resolveQuote` would run for this quote and has not finished, or
 * undefined when it needs none: to be run ahead in pieces (`TextScan.advance`), after which
 * `resolveQuote` costs no more than a search near the old offsets.
 */
export function pendingSearch(quote: QuoteSelector, index: TextIndex, options: ResolveOptions = {}): TextScan | undefined {
  const q = query(quote, index, options);
  if (!('exact' in q)) return undefined;
  const k = maxErrors(q);
  if (k === 0) return undefined;
  if (q.text.includes(q.exact)) {
    // Exact copies need no search, unless editedPassageAnywhere must look for the passage: no
    // offsets, and no copy with the recorded context.
    if (q.old || hasPerfectCopy(q)) return undefined;
    return unfinished(textScan(index, q.exact, q.exhaustive ? k : rivalErrors(q, k, occurrenceTop(q, occurrencesOf(q)))));
  }
  if (!searchNear(q, k).wholeText) return undefined;
  const k1 = firstPassErrors(q, k);
  if (k1 < k) {
    const first = textScan(index, q.exact, k1);
    if (!first.done) return first;
    if (firstPassSuffices(q, k1, wholeTextCandidates(q, k1))) return undefined;
  }
  return unfinished(textScan(index, q.exact, k));
}

const unfinished = (scan: TextScan): TextScan | undefined => (scan.done ? undefined : scan);

function hasPerfectCopy(q: Query): boolean {
  for (let i = q.text.indexOf(q.exact), n = 0; i >= 0 && n < MAX_OCCURRENCES; i = q.text.indexOf(q.exact, i + 1), n++) {
    if (contextIsPerfect(q.prefix, q.suffix, q.text, i, i + q.exact.length)) return true;
  }
  return false;
}

/** The quote normalised for searching, or the result when it needs no search (empty, or exact at its offsets). */
function query(quote: QuoteSelector, index: TextIndex, options: ResolveOptions): Query | AnchorResult {
  const exact = normaliseBreaks(quote?.exact);
  const oldCp = oldSpan(quote, index);
  if (exact.length === 0) return orphaned(oldCp);
  const text = index.text;

  let old: Query['old'];
  if (oldCp) {
    old = { start: index.cpToText16(oldCp.start), end: index.cpToText16(oldCp.end) };
    // The common case costs two binary searches and one comparison, no scanning.
    if (!oldCp.clamped && old.end - old.start === exact.length && text.startsWith(exact, old.start)) {
      return { status: 'exact', start: oldCp.start, end: oldCp.end, score: 1 };
    }
  }
  const cpLength = codePointLength(exact);
  const requested = options?.window;
  const window =
    typeof requested === 'number' && requested >= 0 ? Math.floor(requested) : Math.max(2000, 4 * cpLength);
  return {
    index,
    text,
    exact,
    prefix: normaliseBreaks(quote.prefix),
    suffix: normaliseBreaks(quote.suffix),
    cpLength,
    old,
    oldCp,
    radius: Math.max(1, window),
    window,
    exhaustive: options?.exhaustive === true,
  };
}

/** The exact text occurs somewhere, just not at the old offsets. */
function resolveOccurrences(q: Query, occurrences: number[]): AnchorResult {
  const length = q.exact.length;
  const candidates = occurrences.map((start) => candidate(q, start, start + length, 1, false));
  const home = candidates.filter((c) => c.home);
  if (home.length > 0) {
    // Overlapping the old span: the quote shifted by less than its length — its own passage.
    scoreContexts(q, home, home.length);
    return moved(q, best(home, byContext));
  }

  const sorted = rankOccurrences(q, candidates);
  const top = sorted[0] as Candidate;
  const tied = sorted.slice(1).filter((c) => Math.abs(contextScore(top) - contextScore(c)) <= EPSILON && !overlaps(c, top));

  // The old passage may still be there, edited, while its exact twin sits elsewhere: that
  // twin is a look-alike until the annotator says otherwise.
  const edited = q.old ? editedHomePassage(q, candidates) : editedPassageAnywhere(q, candidates, top);
  if (edited) return ambiguous(q, [top, ...tied, edited].sort(byTotal));
  if (tied.length > 0) return ambiguous(q, [top, ...tied]);
  return moved(q, top);
}

/** Exact occurrences, best first: context scored for the nearest MAX_CONTEXT_SCORED. */
function rankOccurrences(q: Query, candidates: Candidate[]): Candidate[] {
  scoreContexts(q, candidates, MAX_CONTEXT_SCORED);
  return [...candidates].sort(byContext);
}

/** The best exact occurrence of a quote without offsets (none of them is home). */
function occurrenceTop(q: Query, occurrences: number[]): Candidate {
  return rankOccurrences(q, occurrences.map((start) => candidate(q, start, start + q.exact.length, 1, false)))[0] as Candidate;
}

/**
 * Without offsets there is no home passage to look at, but an exact copy whose context does not
 * match may still be a look-alike of the passage, edited where it was annotated: an approximate
 * match elsewhere whose context makes it score as well or better (issue 13).
 */
function editedPassageAnywhere(q: Query, occurrences: Candidate[], top: Candidate): Candidate | undefined {
  if (contextIsPerfect(q.prefix, q.suffix, q.text, top.start, top.end)) return undefined;
  const k = maxErrors(q);
  if (k === 0) return undefined;
  const fuzzy = wholeTextCandidates(q, q.exhaustive ? k : rivalErrors(q, k, top)).candidates;
  const rivals = fuzzy.filter((c) => accept(q, c) && c.total >= top.total - EPSILON && !occurrences.some((o) => overlaps(o, c)));
  return rivals.length > 0 ? best(rivals, byTotal) : undefined;
}

/** An acceptable approximate match overlapping the old span and no exact occurrence. */
function editedHomePassage(q: Query, occurrences: Candidate[]): Candidate | undefined {
  const old = q.old;
  if (!old) return undefined;
  const k = maxErrors(q);
  if (k === 0) return undefined;
  const reach = q.exact.length + k;
  const matches = fuzzyCandidates(q, Math.max(0, old.start - reach), Math.min(q.text.length, old.end + reach), k).candidates;
  return matches.find((c) => c.home && accept(q, c) && !occurrences.some((o) => overlaps(o, c)));
}

/** No exact occurrence: approximate search near the old position, then everywhere. */
function resolveFuzzy(q: Query): AnchorResult | undefined {
  const k = maxErrors(q);
  if (k === 0) return undefined;
  const near = searchNear(q, k);
  const found = !near.wholeText ? near : acceptableOf(q, wholeTextFuzzy(q, k));
  const acceptable = found.acceptable;
  if (acceptable.length === 0) return undefined;

  const distinct: Candidate[] = [];
  for (const c of acceptable.sort(byTotal)) if (!distinct.some((d) => overlaps(c, d))) distinct.push(c);
  const top = distinct[0] as Candidate;
  const rivals = distinct.slice(1).filter((c) => top.total - c.total <= EPSILON);
  const home = distinct.find((c) => c.home);
  // A passage elsewhere that beats the (edited) annotated one is still only a look-alike.
  if (home && home !== top && !rivals.includes(home)) rivals.push(home);
  // So many matches that some were not scored, and one of those might have won or tied.
  const unsure = found.unseen >= top.total - EPSILON;
  if (rivals.length > 0 || unsure) return ambiguous(q, [top, ...rivals.sort(byTotal), ...(unsure ? distinct.filter((c) => c !== top && !rivals.includes(c)).slice(0, 1) : [])]);
  return { ...span(q, top), status: 'drifted', score: round(top.quote) };
}

/**
 * The whole text's approximate matches in two passes (issue 13: a whole-text search is the cost
 * of anchoring, and fewer allowed errors make it cheaper). The first pass allows
 * `firstPassErrors`; when its best acceptable match leaves no room for a match with more errors
 * to tie or win, its matches decide. Otherwise the full search runs. The search near the old
 * offsets came first, so no acceptable match here is the (home) passage the claim was made on.
 */
function wholeTextFuzzy(q: Query, k: number): Fuzzy {
  const k1 = firstPassErrors(q, k);
  if (k1 < k) {
    const first = wholeTextCandidates(q, k1);
    if (firstPassSuffices(q, k1, first)) return first;
  }
  return wholeTextCandidates(q, k);
}

function wholeTextCandidates(q: Query, k: number): Fuzzy {
  return fuzzyCandidates(q, 0, q.text.length, k, textScan(q.index, q.exact, k).ends());
}

/** An eighth of the quote: the typos of an edited passage, with room for a context that changed a little. */
function firstPassErrors(q: Query, k: number): number {
  return q.exhaustive ? k : Math.min(k, Math.ceil(q.exact.length / 8));
}

/** Whether a match with more than `k1` errors could not tie or beat the first pass's best acceptable match. */
function firstPassSuffices(q: Query, k1: number, first: Fuzzy): boolean {
  let top: Candidate | undefined;
  for (const c of first.candidates) if (accept(q, c) && (!top || c.total > top.total)) top = c;
  return top !== undefined && rivalErrors(q, Infinity, top) <= k1;
}

/**
 * The most errors (at most `k`) a match may have and still score within EPSILON of `top`: even
 * with perfect context and position, each error costs WEIGHT.quote / length of the total. One
 * more than the bound, for rounding.
 */
function rivalErrors(q: Query, k: number, top: Candidate): number {
  const rest = WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;
  const minQuote = ((top.total - EPSILON) * TOTAL_WEIGHT - rest) / WEIGHT.quote;
  return Math.max(0, Math.min(k, Math.floor((1 - minQuote) * q.exact.length) + 1));
}

/**
 * Acceptable matches in the window around the old offsets (none without offsets), and whether
 * the whole text must be searched after it: when nothing there was acceptable and the window
 * was not the whole text already.
 */
function searchNear(q: Query, k: number): { acceptable: Candidate[]; unseen: number; wholeText: boolean } {
  if (!q.oldCp) return { acceptable: [], unseen: -1, wholeText: true };
  const from = q.index.cpToText16(q.oldCp.start - q.window);
  const to = q.index.cpToText16(q.oldCp.end + q.window);
  const found = acceptableOf(q, fuzzyCandidates(q, from, to, k));
  return { ...found, wholeText: found.acceptable.length === 0 && (from > 0 || to < q.text.length) };
}

function acceptableOf(q: Query, fuzzy: Fuzzy): { acceptable: Candidate[]; unseen: number } {
  return { acceptable: fuzzy.candidates.filter((c) => accept(q, c)), unseen: fuzzy.unseen };
}

/** Approximate matches, and the best total a match left out by the cap could reach (-1: none left out). */
interface Fuzzy {
  candidates: Candidate[];
  unseen: number;
}

/**
 * Approximate matches in text[from, to), scored with their context. Past MAX_FUZZY_CANDIDATES
 * ends, only the most promising are scored in full (errors, then context guessed from the end);
 * `unseen` bounds what the others could score, so that a caller never picks one of the scored
 * silently when a match left out might have beaten it (issue 13).
 */
function fuzzyCandidates(q: Query, from: number, to: number, k: number, ends: readonly FuzzyEnd[] = fuzzyEnds(q.text, q.exact, k, from, to)): Fuzzy {
  const old = q.old;
  // Never drop a match that ends in the old span's neighbourhood: it may be the annotated passage itself.
  const nearOld = (e: FuzzyEnd): boolean => old !== undefined && e.end > old.start && e.end <= old.end + k + q.exact.length;
  let chosen: readonly FuzzyEnd[] = ends;
  let unseen = -1;
  if (ends.length > MAX_FUZZY_CANDIDATES) {
    const guessed = ends.length <= MAX_PRERANKED;
    const ranked = ends.map((e) => guess(q, e, k, guessed));
    ranked.sort((a, b) => b.guess - a.guess || a.end.errors - b.end.errors || a.end.end - b.end.end);
    chosen = ranked.filter((r, i) => i < MAX_FUZZY_CANDIDATES || nearOld(r.end)).map((r) => r.end);
    for (let i = MAX_FUZZY_CANDIDATES; i < ranked.length; i++) {
      const r = ranked[i] as Guess;
      if (!nearOld(r.end)) unseen = Math.max(unseen, r.bound);
    }
  }
  const candidates = chosen.map((e) => {
    const m = fuzzyStart(q.text, q.exact, e.end, e.errors, from);
    return candidate(q, m.start, m.end, 1 - m.errors / q.exact.length, true);
  });
  return { candidates, unseen };
}

interface Guess {
  end: FuzzyEnd;
  /** The total with the start guessed from the quote's length (ranks the ends). */
  guess: number;
  /** The most the match could score once its start is known. */
  bound: number;
}

/**
 * A match's start is within `errors` of `end - length`, so its prefix similarity is within
 * (errors + 1) / prefix length of the one at the guessed start (an edit per character of
 * shift, one more for rounding); its suffix similarity depends on the end alone. Without the
 * guess (too many ends to afford it), the bound takes perfect context.
 */
function guess(q: Query, e: FuzzyEnd, k: number, withContext: boolean): Guess {
  const quote = 1 - e.errors / q.exact.length;
  const start = Math.max(0, e.end - q.exact.length);
  const old = q.old;
  let closest = 1;
  if (old) {
    const nearest = Math.min(Math.max(old.start, start - Math.min(k, e.errors)), start + Math.min(k, e.errors));
    closest = Math.max(0, 1 - Math.abs(nearest - old.start) / q.radius);
  }
  const base = { start, end: e.end, quote, position: closest, total: 0, home: false };
  if (!withContext) return { end: e, guess: quote, bound: weigh({ ...base, prefix: 1, suffix: 1 }) };
  const prefix = prefixSimilarity(q.prefix, q.text, start);
  const suffix = suffixSimilarity(q.suffix, q.text, e.end);
  const slack = q.prefix.length === 0 ? 0 : (e.errors + 1) / q.prefix.length;
  return { end: e, guess: weigh({ ...base, prefix, suffix }), bound: weigh({ ...base, prefix: Math.min(1, prefix + slack), suffix }) };
}

function candidate(q: Query, start: number, end: number, quote: number, withContext: boolean): Candidate {
  const old = q.old;
  const position = old ? Math.max(0, 1 - Math.abs(start - old.start) / q.radius) : 1;
  const home = old !== undefined && start < Math.max(old.end, old.start + 1) && end > old.start;
  const c: Candidate = { start, end, quote, prefix: 1, suffix: 1, position, total: 0, home };
  if (withContext) setContext(q, c);
  else c.total = weigh(c);
  return c;
}

/** Context similarity for up to `limit` candidates (those nearest the old position); the rest only get the cheap exact test. */
function scoreContexts(q: Query, candidates: Candidate[], limit: number): void {
  const byDistance = candidates.length <= limit ? candidates : [...candidates].sort((a, b) => b.position - a.position);
  byDistance.forEach((c, i) => {
    if (i < limit) setContext(q, c);
    else {
      const perfect = contextIsPerfect(q.prefix, q.suffix, q.text, c.start, c.end);
      c.prefix = c.suffix = perfect ? 1 : 0;
      c.total = weigh(c);
    }
  });
}

function setContext(q: Query, c: Candidate): void {
  if (contextIsPerfect(q.prefix, q.suffix, q.text, c.start, c.end)) {
    c.prefix = c.suffix = 1;
  } else {
    c.prefix = prefixSimilarity(q.prefix, q.text, c.start);
    c.suffix = suffixSimilarity(q.suffix, q.text, c.end);
  }
  c.total = weigh(c);
}

function weigh(c: Candidate): number {
  return (
    (WEIGHT.quote * c.quote + WEIGHT.prefix * c.prefix + WEIGHT.suffix * c.suffix + WEIGHT.position * c.position) /
    TOTAL_WEIGHT
  );
}

/** Stricter for short quotes: a few letters with an error match many places by chance. */
function accept(q: Query, c: Candidate): boolean {
  const short = q.cpLength < SHORT_QUOTE;
  return c.quote >= (short ? 0.9 : 0.75) && c.total >= (short ? 0.6 : 0.5);
}

/** DESIGN §2: min(256, len/4) edits; short quotes allow only what `accept` could take. */
function maxErrors(q: Query): number {
  const length = q.exact.length;
  return q.cpLength < SHORT_QUOTE ? Math.floor(length / 10) : Math.min(256, Math.floor(length / 4));
}

const contextScore = (c: Candidate): number => (c.prefix + c.suffix) / 2;

/** Exact occurrences rank by context first, position second. */
function byContext(a: Candidate, b: Candidate): number {
  const rank = (c: Candidate): number =>
    (WEIGHT.prefix * c.prefix + WEIGHT.suffix * c.suffix + WEIGHT.position * c.position) /
    (WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position);
  return rank(b) - rank(a) || a.start - b.start;
}

function byTotal(a: Candidate, b: Candidate): number {
  return b.total - a.total || a.start - b.start;
}

function best(candidates: Candidate[], order: (a: Candidate, b: Candidate) => number): Candidate {
  return [...candidates].sort(order)[0] as Candidate;
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.start < b.end && b.start < a.end;
}

function moved(q: Query, c: Candidate): AnchorResult {
  return { ...span(q, c), status: 'moved', score: 1 };
}

function ambiguous(q: Query, candidates: Candidate[]): AnchorResult {
  const list: AnchorCandidate[] = candidates.map((c) => ({ ...span(q, c), score: round(c.quote) }));
  const top = list[0] as AnchorCandidate;
  return {
    status: 'ambiguous',
    start: top.start,
    end: top.end,
    score: Math.max(...list.map((c) => c.score)),
    candidates: list,
  };
}

/** Code point span of a candidate; an end inside a surrogate pair takes the whole character. */
function span(q: Query, c: Candidate): { start: number; end: number } {
  let end = c.end;
  if (end > 0 && end < q.text.length && isHigh(q.text.charCodeAt(end - 1)) && isLow(q.text.charCodeAt(end))) end++;
  return { start: q.index.text16ToCp(c.start), end: q.index.text16ToCp(end) };
}

function orphaned(old: { start: number; end: number } | undefined): AnchorResult {
  return { status: 'orphaned', start: old?.start ?? 0, end: old?.end ?? 0, score: 0 };
}

/** The quote's recorded offsets clamped to the text, or undefined when absent or unusable. */
function oldSpan(quote: QuoteSelector, index: TextIndex): { start: number; end: number; clamped: boolean } | undefined {
  const start = quote?.start;
  const end = quote?.end;
  if (typeof start !== 'number' || typeof end !== 'number' || !Number.isFinite(start) || !Number.isFinite(end)) {
    return undefined;
  }
  if (start < 0 || end < start) return undefined;
  const length = index.cpLength;
  const s = Math.min(Math.floor(start), length);
  const e = Math.min(Math.floor(end), length);
  return { start: s, end: e, clamped: s !== start || e !== end };
}

/** Quotes are compared with the normalised text, so their line breaks are normalised too. */
function normaliseBreaks(value: unknown): string {
  if (typeof value !== 'string') return '';
  // Most quotes hold no CR: no regex run (this is on the path of every anchored claim).
  return value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
}

function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if (isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1))) {
      n--;
      i++;
    }
  }
  return n;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
