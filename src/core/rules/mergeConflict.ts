import type { Rule } from './rule';

export const mergeConflict: Rule = {
  id: 'merge-conflict',
  description: 'Git conflict markers in a codebook or sidecar (also inside block scalars, where YAML would accept them silently).',
  defaultSeverity: 'error',
  checkYaml(file, report) {
    for (const p of file.parsed.problems) {
      if (p.rule === 'merge-conflict') report({ message: p.message, file: file.path, start: p.start, end: p.end });
    }
  },
};
