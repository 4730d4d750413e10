/**
 * The one region where two versions of a text differ (common prefix and suffix), and how
 * offsets of the old text map into the new one. A keystroke, a paste or a saved edit is one
 * region; several scattered edits become one region spanning them, which is still correct,
 * only less reusable.
 */

export interface TextDiff {
  /** First differing UTF-16 index (the same in both texts). */
  start: number;
  /** End of the replaced region in the old text. */
  oldEnd: number;
  /** End of the replacing region in the new text. */
  newEnd: number;
}

/**
 * Common prefix and suffix by galloping over slices (`===` on slices is a native memory
 * compare, a loop over characters is not), then a few characters by hand.
 */
export function diffTexts(before: string, after: string): TextDiff | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  const samePrefix = (from: number, to: number): boolean => before.slice(from, to) === after.slice(from, to);
  const sameSuffix = (from: number, to: number): boolean =>
    before.slice(before.length - to, before.length - from) === after.slice(after.length - to, after.length - from);
  const start = gallop(max, samePrefix);
  const tail = gallop(max - start, sameSuffix);
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/** The largest n ≤ max with same(0, n), found in O(log max) comparisons of growing then shrinking spans. */
function gallop(max: number, same: (from: number, to: number) => boolean): number {
  let n = 0;
  let step = 64;
  while (n < max) {
    const to = Math.min(max, n + step);
    if (!same(n, to)) break;
    n = to;
    step *= 2;
  }
  // The answer is below n + step: add the powers of two below step that keep it equal.
  for (step >>= 1; step > 0; step >>= 1) {
    if (n + step <= max && same(n, n + step)) n += step;
  }
  return n;
}

/**
 * Where an old range [start, end) is in the new text: unchanged before the region, shifted
 * after it, undefined when it overlaps the region (what it described may have changed).
 */
export function mapRange(diff: TextDiff | undefined, start: number, end: number): [number, number] | undefined {
  if (!diff || end <= diff.start) return [start, end];
  if (start >= diff.oldEnd) {
    const delta = diff.newEnd - diff.oldEnd;
    return [start + delta, end + delta];
  }
  return undefined;
}
