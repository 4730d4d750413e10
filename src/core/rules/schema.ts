import type { Rule } from './rule';

export const schema: Rule = {
  id: 'schema',
  description: 'The file violates schemas/codebook.schema.json or schemas/claims.schema.json; reported at the offending YAML node.',
  defaultSeverity: 'error',
  checkYaml(file, report) {
    // A file that did not parse cleanly gets its parse findings only, not guesses from a partial tree.
    if (file.parsed.problems.length > 0) return;
    for (const p of file.schema) report({ message: p.message, file: file.path, start: p.start, end: p.end });
  },
};
