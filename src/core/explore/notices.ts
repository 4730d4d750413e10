/**
 * What the views say instead of conclusions they cannot draw: a codebook that does not parse
 * (no names, no counts, no contradictions can be trusted) and sidecars that cannot be read
 * (their claims are missing from every view). One notice per file, at its first problem.
 */
import type { CheckResult } from '../dataset/datasetIndex';
import { usable } from '../dataset/datasetIndex';
import { CODEBOOK_FILE } from '../dataset/host';
import type { YamlFile } from '../dataset/files';
import { LineMap } from '../text/lineMap';

export interface NoticeNode {
  kind: 'notice';
  id: string;
  /** The file to open, dataset-relative, and where in it (UTF-16 offset). */
  file: string;
  start: number;
  label: string;
  /** The problem in plain words. */
  message: string;
  children: [];
}

/** The dataset cannot be explored honestly: its codebook is missing, unreadable or does not parse. */
export function codebookBroken(result: CheckResult): boolean {
  return result.fatal !== undefined || !result.codebook || !usable(result.codebook);
}

export function fileNotices(result: CheckResult, idPrefix = ''): NoticeNode[] {
  const out: NoticeNode[] = [];
  const notice = (file: string, start: number, label: string, message: string) =>
    out.push({ kind: 'notice', id: `${idPrefix}notice:${file}`, file, start, label, message, children: [] });
  if (result.fatal !== undefined) notice(CODEBOOK_FILE, 0, `${CODEBOOK_FILE} cannot be used`, result.fatal);
  else if (result.codebook && !usable(result.codebook)) {
    const p = firstProblem(result.codebook);
    notice(CODEBOOK_FILE, p.start, `${CODEBOOK_FILE} ${p.what} at line ${p.line}`, `${p.message}. Until it is fixed, names, counts and contradictions are not shown.`);
  }
  for (const s of result.sidecars) {
    if (usable(s.sidecar)) continue;
    const p = firstProblem(s.sidecar);
    notice(s.sidecar.path, p.start, `${baseName(s.sidecar.path)} ${p.what} at line ${p.line}`, `${p.message}. Its claims are not shown until it is fixed.`);
  }
  for (const f of result.findings) {
    if (f.rule !== 'file-unreadable' || !f.file.endsWith('.claims.yaml') || out.some((n) => n.file === f.file)) continue;
    notice(f.file, 0, `${baseName(f.file)} cannot be read`, `${f.message}. Its claims are not shown.`);
  }
  return out;
}

function firstProblem(file: YamlFile): { start: number; line: number; what: string; message: string } {
  const p = file.parsed.problems[0];
  const start = p?.start ?? 0;
  const what = p?.rule === 'merge-conflict' ? 'has merge conflict markers' : 'has a syntax error';
  return { start, line: LineMap.of(file.text).position(start).line + 1, what, message: p?.message ?? 'it could not be parsed' };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
