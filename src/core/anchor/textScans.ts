/**
 * Whole-text fuzzy searches, kept per text. Searching a 1 MB article takes tens of
 * milliseconds, more than one synchronous step of the extension may take (issue 6). So the
 * dataset index runs the search ahead in pieces across follow-up checks (`advance`), and
 * `resolveQuote` then reads the finished ends here instead of searching again.
 *
 * Keyed weakly by the TextIndex: a search belongs to one text, and goes with it. When the text
 * is edited, `carryScans` hands each finished search to the new text, which then re-reads only
 * around the edit (`FuzzyScan.afterEdit`). The ends are the same whether the search ran in one
 * pass, in pieces or across edits, so the memo changes how long a step takes, never what it
 * finds.
 */
import type { TextIndex } from '../text/textIndex';
import { FuzzyScan } from './fuzzyScan';
import type { TextDiff } from '../text/textDiff';
import type { FuzzyEnd } from './myers';

/** Edits a search may be carried across without being asked for, before it is dropped. */
const MAX_UNASKED_EDITS = 50;

export class TextScan {
  private scan: FuzzyScan | undefined;
  private found: readonly FuzzyEnd[] | undefined;
  /** A finished search of an earlier text, and the edit since, to start from when asked. */
  private source: { scan: FuzzyScan; edit: TextDiff; unasked: number } | undefined;

  constructor(private readonly text: string, private readonly pattern: string, private readonly maxErrors: number) {}

  get done(): boolean {
    return this.found !== undefined;
  }

  /** Searches on for about `budget` steps (a block of the pattern over one character); returns the steps spent. */
  advance(budget: number): number {
    if (this.found) return 0;
    if (!this.scan) {
      this.scan = this.source ? FuzzyScan.afterEdit(this.source.scan, this.source.edit) : new FuzzyScan(this.pattern, this.maxErrors, 0, undefined, true);
      this.source = undefined;
    }
    const steps = this.scan.run(this.text, this.text.length, budget);
    if (this.scan.position >= this.text.length) this.found = this.scan.ends;
    return steps;
  }

  /** Every match end in the text, searching what is left first. Callers must not change them. */
  ends(): readonly FuzzyEnd[] {
    this.advance(Infinity);
    return this.found ?? [];
  }

  /**
   * This search for `text`, the text after `edit`: carried when it is finished or not started;
   * undefined when it is half-way (it starts again) or nobody asked for it for long.
   */
  after(text: string, edit: TextDiff): TextScan | undefined {
    let source: TextScan['source'];
    if (this.found && this.scan) source = { scan: this.scan, edit, unasked: 0 };
    else if (!this.scan && this.source && this.source.unasked < MAX_UNASKED_EDITS) {
      source = { scan: this.source.scan, edit: compose(this.source.edit, edit, this.text.length, text.length), unasked: this.source.unasked + 1 };
    }
    if (!source) return undefined;
    const next = new TextScan(text, this.pattern, this.maxErrors);
    next.source = source;
    return next;
  }
}

/**
 * Two edits in a row as one: the region from the first start to the last end, each side of it
 * unchanged. `length` is the text's length between the edits, `after` after the second.
 */
function compose(first: TextDiff, second: TextDiff, length: number, after: number): TextDiff {
  const before = length - (first.newEnd - first.oldEnd);
  const tail = Math.min(length - first.newEnd, length - second.oldEnd);
  return { start: Math.min(first.start, second.start), oldEnd: before - tail, newEnd: after - tail };
}

const byText = new WeakMap<TextIndex, Map<string, TextScan>>();

/** The search of `index.text` for `pattern` within `maxErrors`: the kept one, or a new one not yet started. */
export function textScan(index: TextIndex, pattern: string, maxErrors: number): TextScan {
  let scans = byText.get(index);
  if (!scans) byText.set(index, (scans = new Map()));
  const key = `${maxErrors}:${pattern}`;
  let scan = scans.get(key);
  if (!scan) scans.set(key, (scan = new TextScan(index.text, pattern, maxErrors)));
  return scan;
}

/** The text of `from` became that of `to` through `edit` (UTF-16 into `index.text`): its searches follow. */
export function carryScans(from: TextIndex, to: TextIndex, edit: TextDiff): void {
  const scans = byText.get(from);
  if (!scans) return;
  let next = byText.get(to);
  for (const [key, scan] of scans) {
    if (next?.has(key)) continue;
    const carried = scan.after(to.text, edit);
    if (!carried) continue;
    if (!next) byText.set(to, (next = new Map()));
    next.set(key, carried);
  }
}
