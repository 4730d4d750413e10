/** Binary searches over ascending arrays of offsets, shared by the text index and line map. */

/** How many elements of the ascending `sorted` are strictly less than `value`. */
export function countBelow(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last element at or below the integer `value` (0 when there is none): the line or block holding an offset. */
export function indexAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  return Math.max(0, countBelow(sorted, value + 1) - 1);
}

/** Clamps `value` to an integer in [min, max]; NaN becomes `min` so bad offsets never throw. */
export function clampInt(value: number, min: number, max: number): number {
  if (!(value > min)) return min; // also catches NaN
  if (value >= max) return max;
  return Math.floor(value);
}
