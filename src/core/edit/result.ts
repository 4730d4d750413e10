/** What an edit computation returns: offset edits, or why the file is not touched. */
import type { TextEdit } from '../model/finding';
import type { YamlFile } from '../dataset/files';
import { LineMap } from '../text/lineMap';

export interface EditProblem {
  /** Dataset-relative path of the file that was not edited. */
  file: string;
  message: string;
  /** UTF-16 offsets of the problem in that file (where to show it). */
  start: number;
  end: number;
}

export type EditResult = { ok: true; edits: TextEdit[] } | { ok: false; problem: EditProblem };

export function refuse(file: { path: string }, message: string, start = 0, end = start): EditResult {
  return { ok: false, problem: { file: file.path, message, start, end } };
}

export function done(edits: TextEdit[]): EditResult {
  return { ok: true, edits };
}

/**
 * Why a YAML file must not be rewritten: a file with syntax errors or conflict markers would be
 * edited by guesswork, so nothing is written until the user fixes it.
 */
export function editRefusal(file: YamlFile): EditProblem | undefined {
  const first = file.parsed.problems[0];
  if (!first && file.parsed.doc) return undefined;
  const start = first?.start ?? 0;
  const line = LineMap.of(file.text).position(start).line + 1;
  const what = first?.rule === 'merge-conflict' ? 'has merge conflict markers' : 'has a YAML syntax error';
  return {
    file: file.path,
    message: `${file.path} ${what} at line ${line} (${first?.message ?? 'unreadable'}); fix it first, nothing was written`,
    start,
    end: first?.end ?? start,
  };
}

/** Zero-width insertions at one offset become one edit, in the order given (editors may reorder ties). */
export function mergeInserts(edits: readonly TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const same = e.start === e.end ? out.find((o) => o.start === e.start && o.end === e.start) : undefined;
    if (same) same.newText += e.newText;
    else out.push({ ...e });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
