import type { Rule } from './rule';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  description: 'YAML parse errors, duplicate keys, tabs, and files the parser must not see (too large, too deeply nested, binary).',
  defaultSeverity: 'error',
  checkYaml(file, report) {
    for (const p of file.parsed.problems) {
      if (p.rule === 'yaml-syntax') report({ message: p.message, file: file.path, start: p.start, end: p.end });
    }
  },
};
