/** Small statistics and timing helpers for the benchmark. */

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

export function p95(xs: readonly number[]): number {
  return quantile(xs, 0.95);
}

/** Linear interpolation between closest ranks. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (pos - lo);
}

export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Runs `fn` `runs` times and returns the durations in ms. */
export async function timeRuns(runs: number, fn: (run: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    out.push(performance.now() - start);
  }
  return out;
}

/** Lets the garbage collector run between measurements when node was started with --expose-gc. */
export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/**
 * Records the median of `times` under `key` and their spread under `key_spread_pct`:
 * (slowest − fastest) / median, in percent, so a reader sees how far one figure can be trusted.
 */
export function spread(r: Record<string, number>, key: string, times: readonly number[]): void {
  const m = median(times);
  r[key] = round(m);
  if (times.length > 1 && m > 0) r[`${key}_spread_pct`] = round(((Math.max(...times) - Math.min(...times)) / m) * 100, 1);
}
