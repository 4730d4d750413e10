import type { TextIndex } from '../text/textIndex';
import type { QuoteSelector } from './types';

/** Code points of context kept on each side of a quote (DESIGN §1.2). */
export const CONTEXT_LENGTH = 32;

/** The selector for the code point span [start, end) of the normalised text (clamped, ordered). */
export function makeQuote(index: TextIndex, start: number, end: number): Required<QuoteSelector> {
  const a = index.text16ToCp(index.cpToText16(start));
  const b = index.text16ToCp(index.cpToText16(end));
  const s = Math.min(a, b);
  const e = Math.max(a, b);
  return {
    exact: index.sliceCp(s, e),
    prefix: index.sliceCp(s - CONTEXT_LENGTH, s),
    suffix: index.sliceCp(e, e + CONTEXT_LENGTH),
    start: s,
    end: e,
  };
}
