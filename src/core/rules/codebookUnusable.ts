import { CODEBOOK_FILE } from '../dataset/host';
import type { RuleId } from '../model/finding';
import { LineMap } from '../text/lineMap';
import type { Rule } from './rule';

/**
 * The rules that read the codebook's ids, types, fields or contradictions. While it does not
 * parse they skip every claim rather than call every id unknown; this rule says so, so that
 * "no unknown actors" is never read as a verdict.
 */
export const NEEDS_CODEBOOK: readonly RuleId[] = [
  'unknown-actor',
  'unknown-commitment',
  'unknown-stance',
  'alias-collision',
  'codebook-reference',
  'actor-type-not-allowed',
  'missing-field',
  'bad-field',
  'contradiction',
  'untagged-mention',
];

export const codebookUnusable: Rule = {
  id: 'codebook-unusable',
  description: 'The codebook does not parse, so the rules that need it did not run.',
  defaultSeverity: 'warning',
  checkYaml(file, report) {
    if (file.path !== CODEBOOK_FILE) return;
    const problems = file.parsed.problems;
    if (file.parsed.value !== undefined && problems.length === 0) return;
    const first = problems[0];
    const where = first ? ` at line ${LineMap.of(file.text).position(first.start).line + 1}` : '';
    report({
      message: `${CODEBOOK_FILE} cannot be read (a problem${where}), so ${NEEDS_CODEBOOK.length} rules that need it did not run: ${NEEDS_CODEBOOK.join(', ')}. Fix the codebook first; until then no finding of theirs means nothing.`,
      file: file.path,
      start: 0,
      end: 0,
    });
  },
};
