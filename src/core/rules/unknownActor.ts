import type { Rule } from './rule';
import { reportUnknown } from './unknownIds';

export const unknownActor: Rule = {
  id: 'unknown-actor',
  description: "A claim's actor (or speaker) is not an actor id of the codebook.",
  defaultSeverity: 'error',
  checkSidecar(ctx, report) {
    const codebook = ctx.codebook?.model;
    if (!codebook) return;
    const candidates = () => [...codebook.actors.values()].map((a) => ({ id: a.id, labels: [a.name, ...a.aliases] }));
    for (const { claim } of ctx.claims) {
      reportUnknown(ctx, report, claim, 'actor', claim.actor, codebook.actors, candidates, 'actor');
      reportUnknown(ctx, report, claim, 'speaker', claim.speaker, codebook.actors, candidates, 'speaker (actor)');
    }
  },
};
