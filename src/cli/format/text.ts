import type { LocatedFinding } from './locate';
import { summary } from './summary';
import { inert, inertLineStart } from './inert';

/** `file:line:column  severity  message  rule [claim]`, then a summary line; dataset text made inert. */
export function formatText(findings: readonly LocatedFinding[]): string {
  const lines = findings.map((f) => `${inertLineStart(f.file)}:${f.line}:${f.column}  ${f.severity.padEnd(7)}  ${inert(f.message)}  ${f.rule}${f.id ? ` [${inert(f.id)}]` : ''}`);
  lines.push(summary(findings));
  return `${lines.join('\n')}\n`;
}
