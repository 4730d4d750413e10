/**
 * Line/character positions (0-based, UTF-16) over a text, for editors and CLI output.
 * Lines break at LF, CRLF and lone CR, so the map works directly on raw file text.
 */
import { clampInt, countBelow } from './sortedSearch';

export class LineMap {
  static of(text: string): LineMap {
    return new LineMap(typeof text === 'string' ? text : '');
  }

  private readonly text: string;
  /** UTF-16 index where each line starts; lineStarts[0] is 0. */
  private readonly lineStarts: readonly number[];

  private constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): { line: number; character: number } {
    const o = clampInt(offset, 0, this.text.length);
    const line = countBelow(this.lineStarts, o + 1) - 1;
    return { line, character: o - this.startOf(line) };
  }

  /** Out-of-range lines and characters clamp, as in VS Code: a character past the end of a line stops before its break. */
  offsetAt(line: number, character: number): number {
    const l = clampInt(line, 0, this.lineStarts.length - 1);
    const start = this.startOf(l);
    return start + clampInt(character, 0, this.contentEnd(l) - start);
  }

  private startOf(line: number): number {
    return this.lineStarts[line] ?? 0;
  }

  /** Index of the line break that ends `line` (or the text's end for the last line). */
  private contentEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    const crlf = this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13;
    return next - (crlf ? 2 : 1);
  }
}
