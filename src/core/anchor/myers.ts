/**
 * Approximate substring search: Myers' bit-parallel edit-distance algorithm (J. ACM 46(3),
 * 1999), block-based for patterns longer than 32 UTF-16 units, with Ukkonen's cut-off so only
 * the blocks that can still be within `maxErrors` are computed.
 *
 * Why not `approx-string-match`: it reports only the matches with the lowest error count, and
 * anchoring must see *every* acceptable passage — an edited annotated passage must not vanish
 * behind a closer look-alike elsewhere (DESIGN §2: a tie is ambiguous, never a silent pick).
 */
import { FuzzyScan } from './fuzzyScan';
import { Columns, PatternMasks } from './myersColumns';

/** A local best match end found by `fuzzyEnds`: `end` is exclusive, UTF-16 into the text. */
export interface FuzzyEnd {
  end: number;
  errors: number;
}

export interface FuzzyMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Match ends of `pattern` in `text[from, to)` with at most `maxErrors` edits, reduced to one
 * local best per cluster: ends closer than `gap` to the previous one join its cluster.
 */
export function fuzzyEnds(
  text: string,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = text.length,
  gap = Math.max(1, pattern.length >> 1),
): FuzzyEnd[] {
  const scan = new FuzzyScan(pattern, maxErrors, from, gap);
  scan.run(text, Math.min(to, text.length));
  return scan.ends;
}

/**
 * Start of the best match of `pattern` ending exactly at `end` (not before `from`): the same
 * algorithm run backwards with the match anchored at `end`. Ties prefer a length closest to the
 * pattern's.
 */
export function fuzzyStart(text: string, pattern: string, end: number, maxErrors: number, from = 0): FuzzyMatch {
  const m = pattern.length;
  const reversed = reverse(pattern);
  const masks = new PatternMasks(reversed);
  const cols = new Columns(m, masks.blocks);
  const bMax = masks.blocks - 1;
  const limit = Math.min(end - Math.max(0, from), m + Math.max(0, maxErrors));
  let best = { length: 0, errors: m };
  for (let t = 1; t <= limit; t++) {
    const base = masks.offset(text.charCodeAt(end - t));
    // Anchoring: the top row grows by one per column, i.e. a +1 carry into block 0.
    let carry = 1;
    for (let b = 0; b <= bMax; b++) {
      carry = cols.advance(b, masks.rows[base + b] as number, carry);
      cols.score[b] = (cols.score[b] as number) + carry;
    }
    const errors = cols.score[bMax] as number;
    if (errors < best.errors || (errors === best.errors && Math.abs(t - m) < Math.abs(best.length - m))) {
      best = { length: t, errors };
    }
  }
  return { start: end - best.length, end, errors: best.errors };
}

/** All matches (with starts) of `pattern` in `text[from, to)` within `maxErrors`, one per cluster. */
export function fuzzySearch(text: string, pattern: string, maxErrors: number, from = 0, to = text.length): FuzzyMatch[] {
  return fuzzyEnds(text, pattern, maxErrors, from, to).map((e) => fuzzyStart(text, pattern, e.end, e.errors, from));
}

function reverse(s: string): string {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}
