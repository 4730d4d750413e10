import type { Rule } from './rule';

export const schema: Rule = {
  id: 'schema',
  description: 'The file violates schemas/codebook.schema.json or schemas/claims.schema.json; reported at the offending YAML node.',
  defaultSeverity: 'error',
  checkYaml(file, report) {
    for (const p of file.schema) report({ message: p.message, file: file.path, start: p.start, end: p.end });
  },
};
