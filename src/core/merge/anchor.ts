/**
 * Two sides re-anchored one quote differently (offsets moved because the article changed on
 * one side): the anchor whose offsets hold its exact text in the merged article is right.
 */
import { isRecord } from '../model/plain';
import { TextIndex } from '../text/textIndex';

function matches(index: TextIndex, quote: unknown): boolean {
  if (!isRecord(quote)) return false;
  const { exact, start, end } = quote;
  return typeof exact === 'string' && typeof start === 'number' && typeof end === 'number' && end <= index.cpLength && index.sliceCp(start, end) === exact;
}

/** A settle function for `mergeSidecar`: the one side whose quote matches `article`, if exactly one does. */
export function settleByArticle(article: string): (ours: unknown, theirs: unknown) => 'ours' | 'theirs' | undefined {
  const index = TextIndex.of(article);
  return (ours, theirs) => {
    const o = matches(index, ours), t = matches(index, theirs);
    return o === t ? undefined : o ? 'ours' : 'theirs';
  };
}
