import type { LocatedFinding } from './locate';
import { summary } from './summary';

/** `file:line:column  severity  message  rule [claim]`, then a summary line. */
export function formatText(findings: readonly LocatedFinding[]): string {
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column}  ${f.severity.padEnd(7)}  ${f.message}  ${f.rule}${f.id ? ` [${f.id}]` : ''}`);
  lines.push(summary(findings));
  return `${lines.join('\n')}\n`;
}
