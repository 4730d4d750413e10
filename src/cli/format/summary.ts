import type { LocatedFinding } from './locate';

export function summary(findings: readonly LocatedFinding[]): string {
  const n = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const files = new Set(findings.map((f) => f.file)).size;
  if (findings.length === 0) return 'No problems found.';
  return `${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${plural(n('info'), 'info')}, ${plural(n('hint'), 'hint')} in ${plural(files, 'file')}.`;
}
