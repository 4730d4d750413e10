/** Fuzzy matching of what a user typed against ids, names and aliases: case and accent blind. */

/** Lower case without diacritics: "Erdoğan" and "erdogan" compare equal. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * How well `query` matches `label`, 0 (no match) to 100 (equal). Tiers: equal, prefix, prefix of
 * a word, substring, then the query's characters in order (fewer gaps score higher).
 */
export function fuzzyScore(query: string, label: string): number {
  const q = fold(query).trim();
  const l = fold(label);
  if (q === '') return 1;
  if (l === q) return 100;
  if (l.startsWith(q)) return 90 - Math.min(9, l.length - q.length) / 10;
  const at = l.indexOf(q);
  if (at > 0 && /[^\p{L}\p{N}]/u.test(l[at - 1] as string)) return 80;
  if (at > 0) return 60;
  // Subsequence: every character of the query, in order.
  let pos = -1;
  let gaps = 0;
  for (const ch of q) {
    const next = l.indexOf(ch, pos + 1);
    if (next < 0) return 0;
    if (pos >= 0 && next > pos + 1) gaps++;
    pos = next;
  }
  return Math.max(5, 40 - gaps * 5);
}

/** Best score over several labels, with the label that gave it. */
export function bestMatch(query: string, labels: readonly string[]): { score: number; label: string | undefined } {
  let best = { score: 0, label: undefined as string | undefined };
  for (const label of labels) {
    const score = fuzzyScore(query, label);
    if (score > best.score) best = { score, label };
  }
  return best;
}
