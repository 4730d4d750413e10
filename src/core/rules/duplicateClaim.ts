import type { Rule } from './rule';
import { at, claimPath, describeClaim, related } from './where';

export const duplicateClaim: Rule = {
  id: 'duplicate-claim',
  description: 'Two claims with the same span, actor, commitment and stance: one is redundant.',
  defaultSeverity: 'warning',
  checkSidecar(ctx, report) {
    const seen = new Map<string, (typeof ctx.claims)[number]>();
    for (const c of ctx.claims) {
      const { claim, anchor } = c;
      if (!claim.quote || claim.actor === undefined || claim.commitment === undefined || claim.stance === undefined) continue;
      const span = anchor ? `${anchor.start}:${anchor.end}` : `${claim.quote.start}:${claim.quote.end}`;
      // Length-prefixed ids: unambiguous, and cheaper than JSON for 50,000 claims.
      const key = `${span}|${claim.actor.length}:${claim.actor}${claim.commitment.length}:${claim.commitment}${claim.stance}`;
      const earlier = seen.get(key);
      if (!earlier) {
        seen.set(key, c);
        continue;
      }
      report({
        message: `${describeClaim(c)} repeats ${describeClaim(earlier)} (same span, actor, commitment and stance)`,
        ...at(ctx.sidecar, claimPath(claim, 'id')),
        claimId: claim.id,
        related: [related(at(ctx.sidecar, claimPath(earlier.claim, 'id')), 'the same claim')],
      });
    }
  },
};
