/** What a claim node says: a short quote as its label, the missing context as its description. */
import type { Grouping } from './group';
import { NONE, baseName, shortQuote, type Labels } from './labels';
import type { ClaimRow, ProblemBadge } from './rows';

const BADGE_TEXT: Record<ProblemBadge, string> = {
  orphaned: '✕ orphaned',
  mismatch: '⚠ quote edited',
  ambiguous: '⚠ ambiguous',
  drifted: '⚠ drifted',
  contradiction: '⇄ contradiction',
};

export function badgeText(b: ProblemBadge): string {
  return BADGE_TEXT[b];
}

/** Where the claim sits in the tree decides what its description repeats: never what the path already says. */
export function claimLabel(row: ClaimRow): string {
  return row.quote ? `“${shortQuote(row.quote)}”` : `(no quote) ${row.id ?? `claim #${row.index + 1}`}`;
}

export function claimDescription(row: ClaimRow, context: Grouping | 'conflict', labels: Labels): string {
  const stance = labels.stance(row.stance ?? NONE);
  const parts: string[] = [];
  if (context === 'article') parts.push(labels.actor(row.actor ?? NONE), labels.commitment(row.commitment ?? NONE), stance);
  else parts.push(stance, articleName(row));
  return [...parts, ...row.badges.map(badgeText)].join(' · ');
}

/** Name/value lines for a tooltip: everything about the claim a reviewer may want without opening files. */
export function claimDetails(row: ClaimRow, labels: Labels): Array<[string, string]> {
  const lines: Array<[string, string]> = [
    ['Actor', withId(labels.actor(row.actor ?? NONE), row.actor)],
    ['Commitment', withId(labels.commitment(row.commitment ?? NONE), row.commitment)],
    ['Stance', withId(labels.stance(row.stance ?? NONE), row.stance)],
  ];
  if (row.condition) lines.push(['Condition', row.condition]);
  for (const [k, v] of row.claim.fields) lines.push([k, typeof v === 'string' ? v : JSON.stringify(v)]);
  if (row.annotator) lines.push(['Annotator', row.annotator]);
  lines.push(['Article', row.articlePath ?? '(missing)'], ['Claim', `${row.id ?? `#${row.index + 1}`} in ${row.sidecarPath}`]);
  if (row.anchor !== 'exact') lines.push(['Anchor', row.anchor]);
  for (const f of row.findings) lines.push([f.rule, f.message]);
  return lines;
}

function articleName(row: ClaimRow): string {
  return row.articlePath ? baseName(row.articlePath) : '(no article)';
}

function withId(label: string, id: string | undefined): string {
  return id === undefined || id === label ? label : `${label} (${id})`;
}
