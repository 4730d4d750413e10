import type { Rule } from './rule';
import { allowedActorTypes } from '../model/codebook';
import { at, claimPath, related } from './where';

export const actorTypeNotAllowed: Rule = {
  id: 'actor-type-not-allowed',
  description: "The commitment's actor-types (own or inherited) exclude the type of the claim's actor.",
  defaultSeverity: 'warning',
  checkSidecar(ctx, report) {
    const cb = ctx.codebook;
    if (!cb) return;
    for (const { claim } of ctx.claims) {
      const actor = claim.actor === undefined ? undefined : cb.model.actors.get(claim.actor);
      if (!actor?.type || claim.commitment === undefined || !cb.model.commitments.has(claim.commitment)) continue;
      const allowed = allowedActorTypes(cb.model, claim.commitment);
      if (!allowed || allowed.includes(actor.type)) continue;
      report({
        message: `'${claim.commitment}' may be made by ${allowed.join(', ')}; '${actor.id}' is a ${actor.type}`,
        ...at(ctx.sidecar, claimPath(claim, 'actor')),
        claimId: claim.id,
        related: [related(at(cb, ['commitments', claim.commitment, 'actor-types']), 'allowed actor types')],
      });
    }
  },
};
