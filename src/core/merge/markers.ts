/**
 * Conflict markers between two resolutions of one text: lines both share stay as they are;
 * each run where they differ becomes `<<<<<<< ours` / `=======` / `>>>>>>> theirs`, the form
 * git writes and `claimbook check` reports as merge-conflict.
 */

export interface Labels {
  ours: string;
  theirs: string;
}

export const DEFAULT_LABELS: Labels = { ours: 'ours', theirs: 'theirs' };

/** Beyond this many cells the middle is one conflict instead of a line-by-line comparison. */
const MAX_CELLS = 4_000_000;

/**
 * Lines of `a` and `b` with markers around each differing run; `a` and `b` equal gives `a`.
 * The common prefix and suffix are cut first, then a longest common subsequence aligns the rest.
 */
export function withMarkers(a: readonly string[], b: readonly string[], labels: Labels = DEFAULT_LABELS): string[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const midA = a.slice(pre, a.length - suf);
  const midB = b.slice(pre, b.length - suf);
  const out = a.slice(0, pre);
  if (midA.length > 0 || midB.length > 0) out.push(...alignMiddle(midA, midB, labels));
  out.push(...a.slice(a.length - suf));
  return out;
}

function hunk(a: readonly string[], b: readonly string[], labels: Labels): string[] {
  return [`<<<<<<< ${labels.ours}`, ...a, '=======', ...b, `>>>>>>> ${labels.theirs}`];
}

function alignMiddle(a: readonly string[], b: readonly string[], labels: Labels): string[] {
  const n = a.length, m = b.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_CELLS) return hunk(a, b, labels);
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? (lcs[(i + 1) * w + j + 1] as number) + 1 : Math.max(lcs[(i + 1) * w + j] as number, lcs[i * w + j + 1] as number);
    }
  }
  const out: string[] = [];
  let i = 0, j = 0;
  let runA: string[] = [], runB: string[] = [];
  const flush = () => {
    if (runA.length > 0 || runB.length > 0) out.push(...hunk(runA, runB, labels));
    runA = [];
    runB = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      out.push(a[i] as string);
      i++;
      j++;
    } else if (j >= m || (i < n && (lcs[(i + 1) * w + j] as number) >= (lcs[i * w + j + 1] as number))) {
      runA.push(a[i++] as string);
    } else {
      runB.push(b[j++] as string);
    }
  }
  flush();
  return out;
}

/** How many conflicts a text holds (its start markers). */
export function countConflicts(lines: readonly string[]): number {
  return lines.filter((l) => l.startsWith('<<<<<<< ')).length;
}
