/**
 * How well the recorded context (prefix/suffix, at most 32 code points) matches the text next
 * to a candidate span: 1 - edits/length, with the edge next to the span fixed and the far edge
 * free, so an insertion in the context costs one edit rather than shifting every character.
 */

/** Similarity of `prefix` to the text ending at UTF-16 index `at`. Empty prefix: no evidence, 1. */
export function prefixSimilarity(prefix: string, text: string, at: number): number {
  if (prefix.length === 0) return 1;
  if (at >= prefix.length && text.startsWith(prefix, at - prefix.length)) return 1;
  const before = text.slice(Math.max(0, at - prefix.length - slack(prefix)), at);
  return similarity(reverse(prefix), reverse(before), prefix.length);
}

/** Similarity of `suffix` to the text starting at UTF-16 index `at`. Empty suffix: no evidence, 1. */
export function suffixSimilarity(suffix: string, text: string, at: number): number {
  if (suffix.length === 0) return 1;
  if (text.startsWith(suffix, at)) return 1;
  const after = text.slice(at, at + suffix.length + slack(suffix));
  return similarity(suffix, after, suffix.length);
}

/** Context matched exactly on both sides: a cheap test before any edit-distance work. */
export function contextIsPerfect(prefix: string, suffix: string, text: string, start: number, end: number): boolean {
  return (
    (prefix.length === 0 || (start >= prefix.length && text.startsWith(prefix, start - prefix.length))) &&
    (suffix.length === 0 || text.startsWith(suffix, end))
  );
}

function slack(context: string): number {
  return Math.ceil(context.length / 2);
}

function similarity(pattern: string, text: string, length: number): number {
  return Math.max(0, 1 - distanceToSomePrefix(pattern, text) / length);
}

/** Smallest edit distance between `pattern` and any prefix of `text` (both small). */
function distanceToSomePrefix(pattern: string, text: string): number {
  // row[j]: distance between the pattern's first i characters and text[0, j).
  const row = new Int32Array(text.length + 1);
  for (let j = 0; j <= text.length; j++) row[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    const p = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= text.length; j++) {
      const above = row[j] as number;
      const substitute = diagonal + (p === text.charCodeAt(j - 1) ? 0 : 1);
      row[j] = Math.min(substitute, above + 1, (row[j - 1] as number) + 1);
      diagonal = above;
    }
  }
  let best = pattern.length;
  for (let j = 0; j <= text.length; j++) best = Math.min(best, row[j] as number);
  return best;
}

function reverse(s: string): string {
  let r = '';
  for (let i = s.length - 1; i >= 0; i--) r += s[i];
  return r;
}
