/**
 * The bit vectors of Myers' algorithm (J. ACM 46(3), 1999): the pattern's character masks and
 * the column state, one 32-bit word per block of the pattern. `FuzzyScan` and `fuzzyStart`
 * run them forwards and backwards.
 */

export const WORD = 32;

/**
 * Per pattern character, one row of `blocks` words: bit i of word b set when pattern[b*32 + i]
 * is that character. ASCII rows come first (row = code), then one zero row for characters the
 * pattern lacks, then the pattern's other characters. One array, so the search loop reads one
 * kind of object.
 */
export class PatternMasks {
  readonly blocks: number;
  readonly rows: Int32Array;
  private readonly other = new Map<number, number>();

  constructor(pattern: string) {
    const blocks = Math.ceil(pattern.length / WORD);
    this.blocks = blocks;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      if (c >= 128 && !this.other.has(c)) this.other.set(c, 129 + this.other.size);
    }
    this.rows = new Int32Array((129 + this.other.size) * blocks);
    for (let i = 0; i < pattern.length; i++) {
      const at = this.offset(pattern.charCodeAt(i)) + ((i / WORD) | 0);
      this.rows[at] = (this.rows[at] as number) | (1 << i % WORD);
    }
  }

  /** Where character `c`'s row starts in `rows`. */
  offset(c: number): number {
    return c < 128 ? c * this.blocks : (this.other.get(c) ?? 128) * this.blocks;
  }
}

/** The bit-vector column state of the dynamic-programming matrix, one word per block. */
export class Columns {
  readonly pv: Int32Array; // vertical delta +1
  readonly mv: Int32Array; // vertical delta -1
  readonly score: Int32Array; // matrix value at each block's last row
  /** Per block, the bit of its last row: 31, or less in the last block. */
  readonly top: Int32Array;

  constructor(patternLength: number, blocks: number) {
    this.pv = new Int32Array(blocks).fill(-1);
    this.mv = new Int32Array(blocks);
    this.score = new Int32Array(blocks);
    for (let b = 0; b < blocks; b++) this.score[b] = Math.min(patternLength, (b + 1) * WORD);
    this.top = new Int32Array(blocks).fill(WORD - 1);
    this.top[blocks - 1] = (patternLength - 1) % WORD;
  }

  /** Advances block `b` by one text character; returns the horizontal delta at its last row. */
  advance(b: number, eq: number, carryIn: number): number {
    const pv = this.pv[b] as number;
    const mv = this.mv[b] as number;
    const hp = carryIn > 0 ? 1 : 0;
    const hm = carryIn < 0 ? 1 : 0;
    const xv = eq | mv;
    eq |= hm;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    const top = this.top[b] as number;
    const carryOut = ((ph >>> top) & 1) - ((mh >>> top) & 1);
    ph = (ph << 1) | hp;
    mh = (mh << 1) | hm;
    this.pv[b] = mh | ~(xv | ph);
    this.mv[b] = ph & xv;
    return carryOut;
  }

  /** Resets block `b` to "all vertical deltas +1" when the cut-off brings it back into play. */
  reset(b: number): void {
    this.pv[b] = -1;
    this.mv[b] = 0;
  }

  /** pv, mv and score, one after the other. */
  snapshot(): Int32Array {
    const n = this.pv.length;
    const out = new Int32Array(3 * n);
    out.set(this.pv);
    out.set(this.mv, n);
    out.set(this.score, 2 * n);
    return out;
  }

  restore(saved: Int32Array): void {
    const n = this.pv.length;
    this.pv.set(saved.subarray(0, n));
    this.mv.set(saved.subarray(n, 2 * n));
    this.score.set(saved.subarray(2 * n));
  }
}
