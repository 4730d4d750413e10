/** Applies offset edits to a text. Overlapping edits are skipped, never merged: safety first. */
import type { Fix, TextEdit } from '../model/finding';

export interface ApplyResult {
  text: string;
  applied: number;
  skipped: number;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): ApplyResult {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  let skipped = 0;
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < 0 || e.end > text.length || e.start > e.end || e.start < lastEnd) {
      skipped++;
      continue;
    }
    kept.push(e);
    lastEnd = e.end;
  }
  let out = '';
  let pos = 0;
  for (const e of kept) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return { text: out + text.slice(pos), applied: kept.length, skipped };
}

/** Applies whole fixes to one file's text: a fix that overlaps an earlier one is left out whole. */
export function applyFixes(text: string, fixes: readonly Fix[]): ApplyResult {
  const taken: TextEdit[] = [];
  let skipped = 0;
  let applied = 0;
  for (const fix of fixes) {
    const clashes = fix.edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end));
    if (clashes) {
      skipped++;
      continue;
    }
    taken.push(...fix.edits);
    applied++;
  }
  return { ...applyEdits(text, taken), applied, skipped };
}
