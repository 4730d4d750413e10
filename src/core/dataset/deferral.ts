/**
 * Whole-article work on the keystroke path (issue 6). A check reacting to an edit does none of
 * it and keeps the previous findings; a follow-up check (nothing changed since) searches for a
 * few milliseconds, or does one piece that cannot be split. What waits is counted, so the
 * caller knows to check again.
 */
import type { TextScan } from '../anchor';

/**
 * Steps of fuzzy search (one 32-character block of the pattern over one character of text)
 * per follow-up check at most: 10–20 ms on this machine class.
 */
export const STEPS_PER_CHECK = 1 << 20;
/**
 * And at most this long, whichever comes first: the speed of a step varies with the machine and
 * while the JIT is still warming up, and one check must stay well under the 50 ms a synchronous
 * step of the extension may take. Pieces end at different places then, never with different
 * results (a search resumes exactly).
 */
export const MS_PER_CHECK = 8;
/** Steps between two looks at the clock. */
const SLICE = 1 << 13;

export class Deferral {
  /** Pieces of work that still wait after this check. */
  deferred = 0;
  private budget: number;
  private deadline: number | undefined;

  /**
   * `idle`: nothing changed since the last check, so this one may do deferred work, `steps` of
   * searching at most. `now` is the clock in milliseconds (tests pass their own).
   */
  constructor(idle: boolean, private readonly steps = STEPS_PER_CHECK, private readonly now: () => number = Date.now) {
    this.budget = idle ? Math.max(1, steps) : 0;
  }

  /** Nothing more may run in this check (so asking what work waits would be wasted too). */
  get spent(): boolean {
    return this.budget <= 0 || (this.deadline !== undefined && this.now() >= this.deadline);
  }

  /** Runs a search on with what is left of the budget; true when it has finished. */
  search(scan: TextScan): boolean {
    this.deadline ??= this.now() + MS_PER_CHECK;
    while (!scan.done && !this.spent) this.budget -= scan.advance(Math.min(this.budget, SLICE));
    return scan.done;
  }

  /** A piece that cannot be split runs only as the first work of a follow-up check. */
  whole(): boolean {
    if (this.budget < this.steps || this.deadline !== undefined) return false;
    this.budget = 0;
    return true;
  }

  wait(): void {
    this.deferred++;
  }
}
