/**
 * A whole-text fuzzy search that stops and resumes (pieces off the keystroke path), and that
 * follows an edit of its text by re-reading only around it (`afterEdit`).
 */
import { Columns, PatternMasks, WORD } from './myersColumns';
import type { FuzzyEnd } from './myers';
import type { TextDiff } from '../text/textDiff';

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

  constructor(private readonly pattern: string, maxErrors: number, from = 0, readonly gap = Math.max(1, pattern.length >> 1), checkpoints = false) {
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
  static afterEdit(old: FuzzyScan, edit: TextDiff): FuzzyScan {
    const saved = old.saved as Checkpoint[];
    const scan = new FuzzyScan(old.pattern, old.k, 0, old.gap);
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
    // Block 0 is always live, and most of the time the only one: its state stays in locals
    // (registers) for the whole loop and goes back to the arrays at the end.
    let pv0 = pv[0] as number;
    let mv0 = mv[0] as number;
    let score0 = score[0] as number;
    const top0 = top[0] as number;
    let y = this.y;
    let lastEnd = this.lastEnd;
    let steps = 0;
    let j = this.position;
    for (; j < stop && steps < budget; j++) {
      const c = text.charCodeAt(j);
      const base = c < 128 ? c * blocks : masks.offset(c);
      // Myers' step for each live block, inline and without branches: this loop is the whole
      // cost of a search. hp/hm: the horizontal delta (+1/-1) carried into the next block;
      // none comes into block 0.
      const eq0 = rows[base] as number;
      const xv0 = eq0 | mv0;
      const xh0 = ((((eq0 & pv0) + pv0) | 0) ^ pv0) | eq0;
      const ph0 = mv0 | ~(xh0 | pv0);
      const mh0 = pv0 & xh0;
      let hp = (ph0 >>> top0) & 1;
      let hm = (mh0 >>> top0) & 1;
      pv0 = (mh0 << 1) | ~(xv0 | (ph0 << 1));
      mv0 = (ph0 << 1) & xv0;
      score0 += hp - hm;
      for (let b = 1; b <= y; b++) {
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
      const last = y === 0 ? score0 : (score[y] as number);
      // Ukkonen's cut-off (Myers §5): open the next block when its first row can reach <= k,
      // drop trailing blocks whose values are all > k.
      if (y < bMax && last - carry <= k && (((rows[base + y + 1] as number) & 1) !== 0 || carry < 0)) {
        y++;
        cols.reset(y);
        const height = y === bMax ? m - bMax * WORD : WORD;
        score[y] = last - carry + height + cols.advance(y, rows[base + y] as number, carry);
      } else {
        while (y > 0 && (score[y] as number) >= k + WORD) y--;
      }
      if (y === bMax) {
        const errors = y === 0 ? score0 : (score[y] as number);
        if (errors <= k) {
          const end = ends[ends.length - 1];
          if (end !== undefined && j + 1 - lastEnd < this.gap) {
            if (errors < end.errors) {
              end.end = j + 1;
              end.errors = errors;
            }
          } else {
            ends.push({ end: j + 1, errors });
          }
          lastEnd = j + 1;
        }
      }
    }
    pv[0] = pv0;
    mv[0] = mv0;
    score[0] = score0;
    this.position = j;
    this.y = y;
    this.lastEnd = lastEnd;
    return steps;
  }
}
