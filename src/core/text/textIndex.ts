/**
 * Offset conversions between the three ways the project counts a position in an article:
 *
 * - raw UTF-16 index: the text as read from disk (CRLF and lone CR kept) — what editors use;
 * - normalised UTF-16 index: CRLF and lone CR replaced by LF — what searches run on;
 * - code point offset into the normalised text — what sidecar anchors store (DESIGN §1).
 *
 * Articles can be 20 MB, so no per-character tables: only the sorted positions of the
 * characters that make the counts differ (removed CRs of CRLF pairs, astral characters) are
 * kept, built lazily, and binary-searched. Plain ASCII text with LF endings costs one scan.
 */
import { clampInt, countBelow } from './sortedSearch';

const EMPTY: readonly number[] = [];
/**
 * One native scan tells whether anything beyond plain BMP text with LF needs tables at all. NUL
 * needs none, but counts as not plain so that "plain" also answers the binary-file test
 * (loadArticleFile) for an edited text without a scan.
 */
const NEEDS_TABLES = /[\0\r\uD800-\uDBFF]/;

/**
 * The last text scanned for CR and surrogates, and the answer. After a keystroke the editor's
 * live spans and the dataset index each index the same new text: the second is told the answer
 * instead of scanning a long article again.
 */
let lastScan: { raw: string; plain: boolean } | undefined;

export class TextIndex {
  /**
   * `plain`: whether the caller knows `raw` to hold no NUL, CR or surrogate (true) or to hold one
   * (false); undefined: scan to find out.
   */
  static of(raw: string, plain?: boolean): TextIndex {
    const text = typeof raw === 'string' ? raw : '';
    return new TextIndex(text, plain ?? TextIndex.scanned(text));
  }

  /** Whether `raw` holds no NUL, CR or surrogate, when it is the text last scanned; else undefined. */
  private static scanned(raw: string): boolean | undefined {
    return lastScan?.raw === raw ? lastScan.plain : undefined;
  }

  /**
   * The index of `after`, the text `before` became by inserting `inserted` (and deleting
   * anything): a plain text stays plain when nothing inserted brings a NUL, a CR or a high surrogate,
   * so a keystroke in a long article needs no scan of it.
   */
  static edited(before: TextIndex, after: string, inserted: readonly string[]): TextIndex {
    return TextIndex.of(after, before.plain && inserted.every((t) => !NEEDS_TABLES.test(t)) ? true : undefined);
  }

  /** Known, from construction, to hold no NUL, CR or surrogate: all three counts agree. */
  get plain(): boolean {
    return this.removedCr === EMPTY && this.astral16 === EMPTY;
  }

  readonly raw: string;
  private normalised: string | undefined;
  /** Raw indices of the CR of each CRLF pair (the CR disappears in the normalised text). */
  private removedCr: readonly number[] | undefined;
  /** Normalised index of the LF that followed each removed CR: removedCr[i] - i. */
  private removedCrText: readonly number[] | undefined;
  /** Normalised UTF-16 indices of the high surrogate of each valid surrogate pair. */
  private astral16: readonly number[] | undefined;
  /** Code point offsets of those astral characters: astral16[i] - i. */
  private astralCp: readonly number[] | undefined;

  private constructor(raw: string, known: boolean | undefined) {
    this.raw = raw;
    const plain = known ?? !NEEDS_TABLES.test(raw);
    lastScan = { raw, plain };
    if (plain) {
      this.normalised = raw;
      this.removedCr = this.removedCrText = this.astral16 = this.astralCp = EMPTY;
    }
  }

  /** The normalised text: every CRLF and lone CR replaced by LF. */
  get text(): string {
    if (this.normalised === undefined) this.normalise();
    return this.normalised as string;
  }

  /** Length of the normalised text in code points. */
  get cpLength(): number {
    return this.text.length - this.astral().length;
  }

  cpToText16(cp: number): number {
    const c = clampInt(cp, 0, this.cpLength);
    return c + countBelow(this.astralCpTable(), c);
  }

  /** An index inside a surrogate pair rounds down to the pair's code point. */
  text16ToCp(u: number): number {
    const i = clampInt(u, 0, this.text.length);
    // Counting pairs whose high surrogate lies before `i` also rounds mid-pair indices down.
    return i - countBelow(this.astral(), i);
  }

  cpToRaw(cp: number): number {
    return this.text16ToRaw(this.cpToText16(cp));
  }

  rawToCp(r: number): number {
    return this.text16ToCp(this.rawToText16(r));
  }

  /** The LF of a raw CRLF pair maps to its CR, so a line's end stays before the break. */
  text16ToRaw(u: number): number {
    const i = clampInt(u, 0, this.text.length);
    return i + countBelow(this.crText(), i);
  }

  /** Both characters of a raw CRLF map to the LF that replaces them. */
  rawToText16(r: number): number {
    const i = clampInt(r, 0, this.raw.length);
    return i - countBelow(this.crRaw(), i);
  }

  sliceCp(start: number, end: number): string {
    const s = this.cpToText16(start);
    const e = this.cpToText16(end);
    return e > s ? this.text.slice(s, e) : '';
  }

  private normalise(): void {
    const raw = this.raw;
    const removed: number[] = [];
    const removedText: number[] = [];
    for (let i = raw.indexOf('\r'); i >= 0; i = raw.indexOf('\r', i + 1)) {
      if (raw.charCodeAt(i + 1) === 10) {
        removedText.push(i - removed.length);
        removed.push(i);
      }
    }
    this.removedCr = removed;
    this.removedCrText = removedText;
    this.normalised = removed.length === 0 && raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n');
  }

  private crRaw(): readonly number[] {
    if (this.removedCr === undefined) this.normalise();
    return this.removedCr as readonly number[];
  }

  private crText(): readonly number[] {
    if (this.removedCrText === undefined) this.normalise();
    return this.removedCrText as readonly number[];
  }

  private astral(): readonly number[] {
    if (this.astral16 === undefined) {
      const text = this.text;
      const highs: number[] = [];
      const cps: number[] = [];
      const pair = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
      for (let m = pair.exec(text); m !== null; m = pair.exec(text)) {
        cps.push(m.index - highs.length);
        highs.push(m.index);
      }
      this.astral16 = highs;
      this.astralCp = cps;
    }
    return this.astral16;
  }

  private astralCpTable(): readonly number[] {
    this.astral();
    return this.astralCp as readonly number[];
  }
}
