/** Findings with 1-based line/column (UTF-16 columns, as editors count) for output. */
import { LineMap, type Finding } from '../../core';

export interface LocatedFinding {
  rule: Finding['rule'];
  severity: Finding['severity'];
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  start: number;
  end: number;
  id?: string;
}

export function locate(findings: readonly Finding[], texts: ReadonlyMap<string, string>): LocatedFinding[] {
  const maps = new Map<string, LineMap>();
  const mapOf = (file: string) => {
    let m = maps.get(file);
    if (!m) maps.set(file, (m = LineMap.of(texts.get(file) ?? '')));
    return m;
  };
  return findings.map((f) => {
    const m = mapOf(f.file);
    const s = m.position(f.start);
    const e = m.position(f.end);
    const out: LocatedFinding = {
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      file: f.file,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      start: f.start,
      end: f.end,
    };
    if (f.claimId !== undefined) out.id = f.claimId;
    return out;
  });
}
