import type { LocatedFinding } from './locate';
import { summary } from './summary';
import { inert } from './inert';

// GitHub Actions workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const LEVEL = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

export function formatGithub(findings: readonly LocatedFinding[], root = ''): string {
  const lines = findings.map((f) => {
    const file = root ? `${root.replace(/\/$/, '')}/${f.file}` : f.file;
    const props = `file=${prop(file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${prop(`claimbook ${f.rule}`)}`;
    return `::${LEVEL[f.severity]} ${props}::${data(f.message)}`;
  });
  lines.push(summary(findings));
  return `${lines.join('\n')}\n`;
}

/** Workflow-command escaping (`%`, CR, LF), after control characters are made visible. */
function data(text: string): string {
  return inert(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function prop(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
