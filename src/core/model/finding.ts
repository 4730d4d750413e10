/**
 * Findings are plain data: every check reports through them, nothing throws on bad input.
 *
 * Offsets (`start`, `end`) are UTF-16 code units into the file's text exactly as it was read
 * (CRLF kept), the unit JavaScript, VS Code and SARIF use. Claim anchors in sidecars are code
 * points into the normalised text instead; `src/core/text` converts between the two.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Closed list of rule ids: tests, settings and documentation link to these. */
export const RULE_IDS = [
  'yaml-syntax',
  'merge-conflict',
  'schema',
  'unknown-actor',
  'unknown-commitment',
  'unknown-stance',
  'alias-collision',
  'codebook-reference',
  'actor-type-not-allowed',
  'missing-field',
  'bad-field',
  'duplicate-claim-id',
  'duplicate-claim',
  'quote-mismatch',
  'anchor-moved',
  'anchor-drifted',
  'anchor-ambiguous',
  'anchor-orphaned',
  'article-missing',
  'sidecar-ambiguous',
  'contradiction',
  'stale-text',
  'untagged-mention',
  'file-unreadable',
  'codebook-unusable',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}

/** A replacement of `[start, end)` (UTF-16 offsets into the file's current text). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  /** Dataset-relative path of the file the edits apply to. */
  file: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `claimbook check --fix` and `source.fixAll.claimbook`. */
  safe: boolean;
  /** Marks the fix the editor should offer first. */
  preferred?: boolean;
}

export interface Related {
  file: string;
  start: number;
  end: number;
  message: string;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  message: string;
  /** Dataset-relative POSIX path. */
  file: string;
  start: number;
  end: number;
  /** Id of the claim the finding is about, when there is one. */
  claimId?: string;
  related?: Related[];
  fixes?: Fix[];
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Stable order for output and golden tests: file, then position, then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.start !== b.start) return a.start - b.start;
  if (a.end !== b.end) return a.end - b.end;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
