import type { Rule } from './rule';
import { asArray, asRecordEntries } from '../model/plain';
import { at, related } from './where';

export const aliasCollision: Rule = {
  id: 'alias-collision',
  description: 'One alias or name (ignoring case) belongs to two actors, so a mention cannot be attributed.',
  defaultSeverity: 'error',
  checkCodebook(file, report) {
    const actors = new Map(asRecordEntries(file.parsed.value)).get('actors');
    const owner = new Map<string, { id: string; path: Array<string | number> }>();
    for (const [id, raw] of asRecordEntries(actors)) {
      const fields = new Map(asRecordEntries(raw));
      const labels: Array<{ text: unknown; path: Array<string | number> }> = [
        { text: fields.get('name'), path: ['actors', id, 'name'] },
        ...asArray(fields.get('aliases')).map((text, i) => ({ text, path: ['actors', id, 'aliases', i] })),
      ];
      const own = new Set<string>();
      for (const { text, path } of labels) {
        if (typeof text !== 'string') continue;
        const key = text.trim().toLowerCase();
        if (own.has(key)) continue; // repeating one's own name as an alias is harmless
        own.add(key);
        const first = owner.get(key);
        if (!first) {
          owner.set(key, { id, path });
          continue;
        }
        report({
          message: `'${text}' names both '${first.id}' and '${id}'`,
          ...at(file, path),
          related: [related(at(file, first.path), `also used by '${first.id}'`)],
        });
      }
    }
  },
};
