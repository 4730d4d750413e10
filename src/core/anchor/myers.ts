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
 * Per pattern character, one row of `blocks` words: bit i of word b set when pattern[b*32 + i]
 * is that character. ASCII rows come first (row = code), then one zero row for characters the
 * pattern lacks, then the pattern's other characters. One array, so the search loop reads one
 * kind of object.
 */
class PatternMasks {
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
class Columns {
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

/** A scan's whole state at `position`, kept so a scan of an edited text can start just before the edit. */
interface Checkpoint {
  position: number;
  columns: Int32Array;
  y: number;
  /** How many ends there were, and the last of them as it was then (a later end may still improve it). */
  endsLength: number;
  last: FuzzyEnd | undefined;
  lastEnd: number;
}

/** Where an edit replaced text: [start, oldEnd) of the old text is [start, newEnd) of the new one. */
export interface Edit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** Characters between checkpoints: a scan carried across an edit reads about twice this. */
const CHECKPOINT_EVERY = 8192;

/** What a scan carried across an edit still has to agree with before it takes the old scan's rest. */
interface Pending {
  old: FuzzyScan;
  /** Old checkpoints the new scan may meet again, and the next one to try. */
  next: number;
  delta: number;
  /** From here on (new text) the edit is too far back to change any match. */
  clear: number;
}

/**
 * A search for the match ends of `pattern` with at most `maxErrors` edits that can stop and
 * resume: the column state and the clusters so far are all it needs, so a whole-text search can
 * run in pieces off the keystroke path and give exactly the ends of one pass.
 */
export class FuzzyScan {
  ends: FuzzyEnd[] = [];
  /** The next text index to read. */
  position: number;
  private readonly m: number;
  private readonly k: number;
  private readonly masks: PatternMasks;
  private readonly cols: Columns;
  // Blocks below `y` hold only values > k; they start contributing once the cut-off allows.
  private y: number;
  /** The last match end; at first far enough back to join no cluster, and a small integer (the loop stays in integers). */
  private lastEnd: number;
  /** With `checkpoints`: the state every CHECKPOINT_EVERY characters, in order. */
  private saved: Checkpoint[] | undefined;
  private pending: Pending | undefined;

  constructor(pattern: string, maxErrors: number, from = 0, readonly gap = Math.max(1, pattern.length >> 1), checkpoints = false) {
    this.m = pattern.length;
    this.k = Math.max(0, Math.min(Math.floor(maxErrors), this.m - 1));
    this.masks = new PatternMasks(pattern);
    this.cols = new Columns(this.m, this.masks.blocks);
    this.y = this.k === 0 ? 0 : Math.min(this.masks.blocks - 1, Math.floor((this.k - 1) / WORD));
    this.position = Math.max(0, from);
    this.lastEnd = this.position - this.gap;
    if (checkpoints) this.saved = [this.checkpoint()];
  }

  /**
   * A scan of the text after `edit`, from a finished scan (with checkpoints) of the text before
   * it. It restarts at the last checkpoint before the edit, and once past the edit by more than
   * a match can span, takes the old scan's ends (moved) as soon as the match clusters agree at an
   * old checkpoint. The ends are exactly those of a new scan; a test holds it to that.
   */
  static afterEdit(old: FuzzyScan, edit: Edit): FuzzyScan {
    const saved = old.saved as Checkpoint[];
    const scan: FuzzyScan = Object.create(FuzzyScan.prototype);
    Object.assign(scan, old, { cols: new Columns(old.m, old.masks.blocks), pending: undefined });
    let i = saved.length - 1;
    while (i > 0 && (saved[i] as Checkpoint).position > edit.start) i--;
    const from = saved[i] as Checkpoint;
    scan.saved = saved.slice(0, i + 1);
    scan.restore(from, old.ends);
    const delta = edit.newEnd - edit.oldEnd;
    let next = i + 1;
    while (next < saved.length && (saved[next] as Checkpoint).position + delta < edit.newEnd + old.m + old.k + 1) next++;
    scan.pending = { old, next, delta, clear: edit.newEnd + old.m + old.k + 1 };
    return scan;
  }

  /** The state, to resume from later. */
  private checkpoint(): Checkpoint {
    const last = this.ends[this.ends.length - 1];
    return {
      position: this.position,
      columns: this.cols.snapshot(),
      y: this.y,
      endsLength: this.ends.length,
      last: last && { end: last.end, errors: last.errors },
      lastEnd: this.lastEnd,
    };
  }

  private restore(from: Checkpoint, ends: readonly FuzzyEnd[]): void {
    this.position = from.position;
    this.cols.restore(from.columns);
    this.y = from.y;
    this.lastEnd = from.lastEnd;
    // Ends before the last are final; the last may still change, so it is a copy.
    this.ends = ends.slice(0, from.endsLength);
    if (from.last) this.ends[from.endsLength - 1] = { end: from.last.end, errors: from.last.errors };
  }

  /**
   * Reads `text` from `position` up to `to`, or until about `budget` block steps (one block
   * advanced by one character) are spent; returns the steps spent.
   */
  run(text: string, to = text.length, budget = Infinity): number {
    if (this.m === 0) {
      this.position = Math.max(this.position, Math.min(to, text.length));
      return 0;
    }
    const stop = Math.min(to, text.length);
    if (!this.saved) return this.scan(text, stop, budget);
    let steps = 0;
    while (this.position < stop && steps < budget) {
      const boundary = (Math.floor(this.position / CHECKPOINT_EVERY) + 1) * CHECKPOINT_EVERY;
      const sync = this.pending ? this.syncTarget() : Infinity;
      const until = Math.min(stop, boundary, sync);
      steps += this.scan(text, until, budget - steps);
      if (this.position === boundary) this.saved.push(this.checkpoint());
      if (this.position === sync) this.trySync(text.length);
    }
    return steps;
  }

  /** Where (new text) the next old checkpoint past the edit is, or Infinity. */
  private syncTarget(): number {
    const p = this.pending as Pending;
    const saved = p.old.saved as Checkpoint[];
    return p.next < saved.length ? (saved[p.next] as Checkpoint).position + p.delta : Infinity;
  }

  /**
   * At an old checkpoint past the edit: the same matches follow if the clusters agree (both
   * closed, or the same open one), and then the rest is the old scan's, moved by the edit.
   */
  private trySync(length: number): void {
    const p = this.pending as Pending;
    const old = p.old;
    const cp = (old.saved as Checkpoint[])[p.next++] as Checkpoint;
    const closed = this.position + 1 - this.lastEnd >= this.gap;
    const oldClosed = cp.position + 1 - cp.lastEnd >= this.gap;
    const last = this.ends[this.ends.length - 1];
    const same = closed
      ? oldClosed
      : !oldClosed && last !== undefined && cp.last !== undefined && this.lastEnd === cp.lastEnd + p.delta && last.errors === cp.last.errors && last.end === cp.last.end + p.delta;
    if (!same) return;
    const d = p.delta;
    const moved = (e: FuzzyEnd): FuzzyEnd => ({ end: e.end + d, errors: e.errors });
    // An open cluster goes on as it did in the old scan: its final state is the old one's.
    if (!closed) this.ends[this.ends.length - 1] = moved(old.ends[cp.endsLength - 1] as FuzzyEnd);
    const shift = this.ends.length - cp.endsLength;
    for (let i = cp.endsLength; i < old.ends.length; i++) this.ends.push(moved(old.ends[i] as FuzzyEnd));
    const saved = this.saved as Checkpoint[];
    for (const c of (old.saved as Checkpoint[]).slice(p.next - 1)) {
      if (c.position + d <= this.position) continue;
      saved.push({ ...c, position: c.position + d, endsLength: c.endsLength + shift, last: c.last && moved(c.last), lastEnd: c.lastEnd + d });
    }
    this.position = length;
    this.lastEnd = old.lastEnd + d;
    this.pending = undefined;
  }

  /** The search loop over text[position, stop), within `budget` steps. */
  private scan(text: string, stop: number, budget: number): number {
    const { k, m, masks, cols, ends } = this;
    const { pv, mv, score, top } = cols;
    const blocks = masks.blocks;
    const bMax = blocks - 1;
    const rows = masks.rows;
    let y = this.y;
    let lastEnd = this.lastEnd;
    let steps = 0;
    let j = this.position;
    for (; j < stop && steps < budget; j++) {
      const c = text.charCodeAt(j);
      const base = c < 128 ? c * blocks : masks.offset(c);
      // Myers' step for each live block, inline and without branches: this loop is the whole
      // cost of a search. hp/hm: the horizontal delta (+1/-1) carried into the block.
      let hp = 0;
      let hm = 0;
      for (let b = 0; b <= y; b++) {
        let eq = rows[base + b] as number;
        const pvb = pv[b] as number;
        const mvb = mv[b] as number;
        const xv = eq | mvb;
        eq |= hm;
        const xh = ((((eq & pvb) + pvb) | 0) ^ pvb) | eq;
        let ph = mvb | ~(xh | pvb);
        let mh = pvb & xh;
        const t = top[b] as number;
        const outP = (ph >>> t) & 1;
        const outM = (mh >>> t) & 1;
        ph = (ph << 1) | hp;
        mh = (mh << 1) | hm;
        pv[b] = mh | ~(xv | ph);
        mv[b] = ph & xv;
        hp = outP;
        hm = outM;
        score[b] = (score[b] as number) + outP - outM;
      }
      steps += y + 1;
      const carry = hp - hm;
      // Ukkonen's cut-off (Myers §5): open the next block when its first row can reach <= k,
      // drop trailing blocks whose values are all > k.
      if (y < bMax && (score[y] as number) - carry <= k && (((rows[base + y + 1] as number) & 1) !== 0 || carry < 0)) {
        y++;
        cols.reset(y);
        const height = y === bMax ? m - bMax * WORD : WORD;
        score[y] = (score[y - 1] as number) - carry + height + cols.advance(y, rows[base + y] as number, carry);
      } else {
        while (y > 0 && (score[y] as number) >= k + WORD) y--;
      }
      if (y === bMax && (score[y] as number) <= k) {
        const errors = score[y] as number;
        const last = ends[ends.length - 1];
        if (last !== undefined && j + 1 - lastEnd < this.gap) {
          if (errors < last.errors) {
            last.end = j + 1;
            last.errors = errors;
          }
        } else {
          ends.push({ end: j + 1, errors });
        }
        lastEnd = j + 1;
      }
    }
    this.position = j;
    this.y = y;
    this.lastEnd = lastEnd;
    return steps;
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
