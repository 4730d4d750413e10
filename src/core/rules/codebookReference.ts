import type { Rule } from './rule';
import { at } from './where';

export const codebookReference: Rule = {
  id: 'codebook-reference',
  description: 'A codebook entry refers to something that does not exist: represents, parent, actor type, a stance in contradictions; or parents form a cycle.',
  defaultSeverity: 'error',
  checkCodebook(file, report) {
    const cb = file.model;
    for (const actor of cb.actors.values()) {
      if (actor.represents !== undefined && !cb.actors.has(actor.represents)) {
        report({ message: `'${actor.id}' represents unknown actor '${actor.represents}'`, ...at(file, ['actors', actor.id, 'represents']) });
      }
      if (actor.type !== undefined && !cb.actorTypes.includes(actor.type)) {
        report({ message: `actor type '${actor.type}' is not one of actor-types: ${cb.actorTypes.join(', ')}`, ...at(file, ['actors', actor.id, 'type']) });
      }
    }
    for (const c of cb.commitments.values()) {
      if (c.parent !== undefined && !cb.commitments.has(c.parent)) {
        report({ message: `'${c.id}' has unknown parent '${c.parent}'`, ...at(file, ['commitments', c.id, 'parent']) });
      }
      (c.actorTypes ?? []).forEach((t, i) => {
        if (!cb.actorTypes.includes(t)) {
          report({ message: `actor type '${t}' is not one of actor-types: ${cb.actorTypes.join(', ')}`, ...at(file, ['commitments', c.id, 'actor-types', i]) });
        }
      });
      for (const [name, spec] of c.fields) {
        if (spec.type === 'enum' && spec.values.length === 0) {
          report({ message: `enum field '${name}' of '${c.id}' lists no values`, ...at(file, ['commitments', c.id, 'fields', name]) });
        }
      }
    }
    // A parent chain that comes back to where it started: report once, on the entry whose id sorts first.
    for (const c of cb.commitments.values()) {
      const seen: string[] = [];
      let current: string | undefined = c.id;
      while (current !== undefined && cb.commitments.has(current) && !seen.includes(current)) {
        seen.push(current);
        current = cb.commitments.get(current)?.parent;
      }
      if (current === c.id && [...seen].sort()[0] === c.id) {
        report({ message: `parent cycle: ${[...seen, c.id].join(' → ')}`, ...at(file, ['commitments', c.id, 'parent']) });
      }
    }
    cb.contradictions.forEach((pair, i) => {
      pair.forEach((stance, j) => {
        if (!cb.stances.has(stance)) {
          report({ message: `contradiction names unknown stance '${stance}'`, ...at(file, ['contradictions', i, j]) });
        }
      });
    });
  },
};
