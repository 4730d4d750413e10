/**
 * Findings of the dataset index, kept per unit (a file's YAML checks, a sidecar's rules, an
 * article's mentions, a contradiction group…) and per file, so that a check replaces the few
 * units that changed and the full, sorted list is a concatenation of per-file lists, re-sorted
 * only for files whose findings changed.
 */
import { compareFindings, type Finding } from '../model/finding';
import type { TextDiff } from '../text/textDiff';
import { mapRange } from '../text/textDiff';

interface FileEntry {
  parts: Map<string, Finding[]>;
  sorted: Finding[] | undefined;
}

const EMPTY: Finding[] = [];

export class FindingStore {
  private readonly units = new Map<string, Finding[]>();
  /** The files each unit's findings are in. */
  private readonly unitFiles = new Map<string, string[]>();
  private readonly files = new Map<string, FileEntry>();
  private order: string[] | undefined;
  private changed = new Set<string>();

  get(unit: string): Finding[] {
    return this.units.get(unit) ?? EMPTY;
  }

  /**
   * Replaces a unit's findings; the same array again is a no-op. `file`: the one file all of
   * them are in, when the caller knows it (an article's 6,600 mentions need no pass to group).
   */
  set(unit: string, findings: Finding[], file?: string): void {
    const old = this.units.get(unit) ?? EMPTY;
    if (old === findings || (old.length === 0 && findings.length === 0)) return;
    // A small unit recomputed to the same findings (a regrouping after a new listing) changes nothing.
    if (old.length === findings.length && old.length <= 64 && old.every((f, i) => JSON.stringify(f) === JSON.stringify(findings[i]))) return;
    for (const f of this.unitFiles.get(unit) ?? []) {
      const entry = this.files.get(f);
      if (!entry) continue;
      entry.parts.delete(unit);
      entry.sorted = undefined;
      this.changed.add(f);
      if (entry.parts.size === 0) {
        this.files.delete(f);
        this.order = undefined;
      }
    }
    if (findings.length === 0) {
      this.units.delete(unit);
      this.unitFiles.delete(unit);
      return;
    }
    this.units.set(unit, findings);
    const byFile = file !== undefined ? new Map([[file, findings]]) : groupByFile(findings);
    this.unitFiles.set(unit, [...byFile.keys()]);
    for (const [path, list] of byFile) {
      let entry = this.files.get(path);
      if (!entry) {
        entry = { parts: new Map(), sorted: undefined };
        this.files.set(path, entry);
        this.order = undefined;
      }
      entry.parts.set(unit, list);
      entry.sorted = undefined;
      this.changed.add(path);
    }
  }

  /** Drops every unit not in `keep` (deleted files, dissolved groups). */
  retain(keep: (unit: string) => boolean): void {
    for (const unit of [...this.units.keys()]) if (!keep(unit)) this.set(unit, EMPTY);
  }

  clear(): void {
    for (const unit of [...this.units.keys()]) this.set(unit, EMPTY);
  }

  /** Every finding in compareFindings order. */
  all(): Finding[] {
    this.order ??= [...this.files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const lists: Finding[][] = [];
    for (const file of this.order) {
      const entry = this.files.get(file) as FileEntry;
      entry.sorted ??= sortedParts([...entry.parts.values()]);
      lists.push(entry.sorted);
    }
    // Copied in bulk, not finding by finding.
    return EMPTY.concat(...lists);
  }

  byFile(): Map<string, Finding[]> {
    this.all();
    const out = new Map<string, Finding[]>();
    for (const [file, entry] of this.files) out.set(file, entry.sorted as Finding[]);
    return out;
  }

  /** Files whose findings changed since the last call. */
  takeChanged(): Set<string> {
    const changed = this.changed;
    this.changed = new Set();
    return changed;
  }
}

/**
 * A file's findings from its units' lists, in order: each list sorted on its own (most are in
 * order already, like an article's 6,600 untagged mentions), then merged, so a keystroke does
 * not re-sort thousands of findings for the few quote-mismatches its sidecar adds. A lone list
 * in order is used as it is.
 */
function sortedParts(parts: Finding[][]): Finding[] {
  let merged = EMPTY;
  for (const part of parts) {
    const sorted = inOrder(part) ? part : part.slice().sort(compareFindings);
    merged = merged.length === 0 ? sorted : merge(merged, sorted);
  }
  return merged;
}

function merge(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  // A few findings into many (a sidecar's quote-mismatches into an article's mentions): find
  // each one's place by binary search and copy the runs between in bulk.
  if (b.length * 16 < a.length) return mergeFew(a, b, true);
  if (a.length * 16 < b.length) return mergeFew(b, a, false);
  const out: Finding[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  // Ties keep `a` first, as a stable sort of a.concat(b) would.
  while (i < a.length && j < b.length) out[k++] = compareFindings(b[j] as Finding, a[i] as Finding) < 0 ? (b[j++] as Finding) : (a[i++] as Finding);
  while (i < a.length) out[k++] = a[i++] as Finding;
  while (j < b.length) out[k++] = b[j++] as Finding;
  return out;
}

/** `few` merged into `many`, both sorted; on ties `many` comes first when `manyFirst`, as in `merge`. */
function mergeFew(many: readonly Finding[], few: readonly Finding[], manyFirst: boolean): Finding[] {
  const runs: Array<readonly Finding[]> = [];
  let from = 0;
  for (const f of few) {
    // The first place in `many` that `f` goes before: past its equals when they come first.
    let lo = from;
    let hi = many.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareFindings(many[mid] as Finding, f);
      if (c < 0 || (c === 0 && manyFirst)) lo = mid + 1;
      else hi = mid;
    }
    runs.push(many.slice(from, lo), [f]);
    from = lo;
  }
  runs.push(many.slice(from));
  return EMPTY.concat(...runs);
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  return byFile;
}

function inOrder(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) if (compareFindings(findings[i - 1] as Finding, findings[i] as Finding) > 0) return false;
  return true;
}

/**
 * A cached finding moved into the current version of the files that changed: the same object
 * when none of its offsets is in a changed file, undefined when one falls inside an edit or in
 * a file that changed without a diff (it must be recomputed).
 */
export function mapFinding(f: Finding, changed: ReadonlyMap<string, TextDiff | undefined>): Finding | undefined {
  if (changed.size === 0 || !touches(f, changed)) return f;
  const at = moveRange(changed, f.file, f.start, f.end);
  if (!at) return undefined;
  const out: Finding = { ...f, start: at[0], end: at[1] };
  if (f.related) {
    const related = [];
    for (const r of f.related) {
      const moved = moveRange(changed, r.file, r.start, r.end);
      if (!moved) return undefined;
      related.push(moved[0] === r.start && moved[1] === r.end ? r : { ...r, start: moved[0], end: moved[1] });
    }
    out.related = related;
  }
  if (f.fixes) {
    const fixes = [];
    for (const fix of f.fixes) {
      const edits = [];
      for (const e of fix.edits) {
        const moved = moveRange(changed, fix.file, e.start, e.end);
        if (!moved) return undefined;
        edits.push(moved[0] === e.start && moved[1] === e.end ? e : { ...e, start: moved[0], end: moved[1] });
      }
      fixes.push({ ...fix, edits });
    }
    out.fixes = fixes;
  }
  return out;
}

/** All of a unit's findings moved, or undefined when one of them cannot be. */
export function mapFindings(findings: Finding[], changed: ReadonlyMap<string, TextDiff | undefined>): Finding[] | undefined {
  if (findings.length === 0 || changed.size === 0) return findings;
  let out: Finding[] | undefined;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as Finding;
    const moved = mapFinding(f, changed);
    if (!moved) return undefined;
    if (moved !== f) out ??= findings.slice(0, i);
    out?.push(moved);
  }
  return out ?? findings;
}

function touches(f: Finding, changed: ReadonlyMap<string, TextDiff | undefined>): boolean {
  if (changed.has(f.file)) return true;
  if (f.related?.some((r) => changed.has(r.file))) return true;
  return f.fixes?.some((x) => changed.has(x.file)) ?? false;
}

function moveRange(changed: ReadonlyMap<string, TextDiff | undefined>, file: string, start: number, end: number): [number, number] | undefined {
  if (!changed.has(file)) return [start, end];
  const diff = changed.get(file);
  return diff ? mapRange(diff, start, end) : undefined;
}
