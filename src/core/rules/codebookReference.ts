import type { Rule } from './rule';
import { at } from './where';
import type { Codebook } from '../model/codebook';

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
    // A parent chain that comes back to where it started: report once, on the entry whose id
    // sorts first. Each commitment is walked once (linear in the codebook, however deep).
    for (const cycle of parentCycles(cb)) {
      const first = [...cycle].sort()[0] as string;
      const from = cycle.indexOf(first);
      const ordered = [...cycle.slice(from), ...cycle.slice(0, from), first];
      report({ message: `parent cycle: ${ordered.join(' → ')}`, ...at(file, ['commitments', first, 'parent']) });
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

/** Every parent cycle once, in parent order: walks each commitment's chain only up to what is done. */
function parentCycles(cb: Codebook): string[][] {
  const state = new Map<string, 'walking' | 'done'>();
  const cycles: string[][] = [];
  for (const start of cb.commitments.keys()) {
    const path: string[] = [];
    let current: string | undefined = start;
    while (current !== undefined && cb.commitments.has(current) && !state.has(current)) {
      state.set(current, 'walking');
      path.push(current);
      current = cb.commitments.get(current)?.parent;
    }
    // Back on this walk's own path: the chain from there is a cycle.
    if (current !== undefined && state.get(current) === 'walking') cycles.push(path.slice(path.indexOf(current)));
    for (const id of path) state.set(id, 'done');
  }
  return cycles;
}
