/**
 * Approximate substring search: Myers' bit-parallel edit-distance algorithm (J. ACM 46(3),
 * 1999), block-based for patterns longer than 32 UTF-16 units, with Ukkonen's cut-off so only
 * the blocks that can still be within `maxErrors` are computed.
 *
 * Why not `approx-string-match`: it reports only the matches with the lowest error count, and
 * anchoring must see *every* acceptable passage — an edited annotated passage must not vanish
 * behind a closer look-alike elsewhere (DESIGN §2: a tie is ambiguous, never a silent pick).
 */

const WORD = 32;
const HIGH_BIT = 1 << 31;

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

/** Per pattern character: bit i of block b set when pattern[b*32 + i] is that character. */
class PatternMasks {
  readonly blocks: number;
  private readonly ascii: Int32Array[];
  private readonly other = new Map<number, Int32Array>();
  private readonly none: Int32Array;

  constructor(pattern: string) {
    this.blocks = Math.ceil(pattern.length / WORD);
    this.none = new Int32Array(this.blocks);
    this.ascii = new Array<Int32Array>(128).fill(this.none);
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let mask = this.of(c);
      if (mask === this.none) {
        mask = new Int32Array(this.blocks);
        if (c < 128) this.ascii[c] = mask;
        else this.other.set(c, mask);
      }
      const block = (i / WORD) | 0;
      mask[block] = (mask[block] as number) | (1 << i % WORD);
    }
  }

  of(c: number): Int32Array {
    return (c < 128 ? this.ascii[c] : this.other.get(c)) ?? this.none;
  }
}

/** The bit-vector column state of the dynamic-programming matrix, one word per block. */
class Columns {
  readonly pv: Int32Array; // vertical delta +1
  readonly mv: Int32Array; // vertical delta -1
  readonly score: Int32Array; // matrix value at each block's last row
  private readonly lastBlock: number;
  private readonly lastBit: number;

  constructor(patternLength: number, blocks: number) {
    this.pv = new Int32Array(blocks).fill(-1);
    this.mv = new Int32Array(blocks);
    this.score = new Int32Array(blocks);
    for (let b = 0; b < blocks; b++) this.score[b] = Math.min(patternLength, (b + 1) * WORD);
    this.lastBlock = blocks - 1;
    this.lastBit = 1 << (patternLength - 1) % WORD;
  }

  /** Advances block `b` by one text character; returns the horizontal delta at its last row. */
  advance(b: number, eq: number, carryIn: number): number {
    let pv = this.pv[b] as number;
    const mv = this.mv[b] as number;
    const xv = eq | mv;
    if (carryIn < 0) eq |= 1;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    const top = b === this.lastBlock ? this.lastBit : HIGH_BIT;
    const carryOut = (ph & top) !== 0 ? 1 : (mh & top) !== 0 ? -1 : 0;
    ph = (ph << 1) | (carryIn > 0 ? 1 : 0);
    mh = (mh << 1) | (carryIn < 0 ? 1 : 0);
    pv = mh | ~(xv | ph);
    this.pv[b] = pv;
    this.mv[b] = ph & xv;
    return carryOut;
  }

  /** Resets block `b` to "all vertical deltas +1" when the cut-off brings it back into play. */
  reset(b: number): void {
    this.pv[b] = -1;
    this.mv[b] = 0;
  }
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
  const m = pattern.length;
  if (m === 0) return [];
  const k = Math.max(0, Math.min(Math.floor(maxErrors), m - 1));
  const masks = new PatternMasks(pattern);
  const bMax = masks.blocks - 1;
  const cols = new Columns(m, masks.blocks);
  const score = cols.score;
  // Blocks below `y` hold only values > k; they start contributing once the cut-off allows.
  let y = k === 0 ? 0 : Math.min(bMax, Math.floor((k - 1) / WORD));
  const out: FuzzyEnd[] = [];
  let lastEnd = -Infinity;
  const stop = Math.min(to, text.length);
  for (let j = Math.max(0, from); j < stop; j++) {
    const eq = masks.of(text.charCodeAt(j));
    let carry = 0;
    for (let b = 0; b <= y; b++) {
      carry = cols.advance(b, eq[b] as number, carry);
      score[b] = (score[b] as number) + carry;
    }
    // Ukkonen's cut-off (Myers §5): open the next block when its first row can reach <= k,
    // drop trailing blocks whose values are all > k.
    if (y < bMax && (score[y] as number) - carry <= k && (((eq[y + 1] as number) & 1) !== 0 || carry < 0)) {
      y++;
      cols.reset(y);
      const height = y === bMax ? m - bMax * WORD : WORD;
      score[y] = (score[y - 1] as number) - carry + height + cols.advance(y, eq[y] as number, carry);
    } else {
      while (y > 0 && (score[y] as number) >= k + WORD) y--;
    }
    if (y === bMax && (score[y] as number) <= k) {
      const errors = score[y] as number;
      const last = out[out.length - 1];
      if (last !== undefined && j + 1 - lastEnd < gap) {
        if (errors < last.errors) {
          last.end = j + 1;
          last.errors = errors;
        }
      } else {
        out.push({ end: j + 1, errors });
      }
      lastEnd = j + 1;
    }
  }
  return out;
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
    const eq = masks.of(text.charCodeAt(end - t));
    // Anchoring: the top row grows by one per column, i.e. a +1 carry into block 0.
    let carry = 1;
    for (let b = 0; b <= bMax; b++) {
      carry = cols.advance(b, eq[b] as number, carry);
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
