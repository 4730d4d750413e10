/**
 * Whole-text fuzzy searches, kept per text. Searching a 1 MB article takes tens of
 * milliseconds, more than one synchronous step of the extension may take (issue 6). So the
 * dataset index runs the search ahead in pieces across follow-up checks (`advance`), and
 * `resolveQuote` then reads the finished ends here instead of searching again.
 *
 * Keyed weakly by the TextIndex: a search belongs to one text, and goes with it. The ends are
 * the same whether the search ran in one pass or in pieces (FuzzyScan resumes exactly), so the
 * memo changes how long a step takes, never what it finds.
 */
import type { TextIndex } from '../text/textIndex';
import { FuzzyScan, type FuzzyEnd } from './myers';

export class TextScan {
  private scan: FuzzyScan | undefined;
  private found: readonly FuzzyEnd[] | undefined;

  constructor(private readonly text: string, pattern: string, maxErrors: number) {
    this.scan = new FuzzyScan(pattern, maxErrors);
  }

  get done(): boolean {
    return this.found !== undefined;
  }

  /** Searches on for about `budget` steps (a block of the pattern over one character); returns the steps spent. */
  advance(budget: number): number {
    const scan = this.scan;
    if (!scan) return 0;
    const steps = scan.run(this.text, this.text.length, budget);
    if (scan.position >= this.text.length) {
      this.found = scan.ends;
      this.scan = undefined; // the column state and masks are no longer needed
    }
    return steps;
  }

  /** Every match end in the text, searching what is left first. Callers must not change them. */
  ends(): readonly FuzzyEnd[] {
    this.advance(Infinity);
    return this.found ?? [];
  }
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
