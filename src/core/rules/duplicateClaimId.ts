import type { Rule } from './rule';
import { at, claimPath, related } from './where';

export const duplicateClaimId: Rule = {
  id: 'duplicate-claim-id',
  description: 'Two claims in one sidecar share an id; ids must be unique so edits and merges find the right claim.',
  defaultSeverity: 'error',
  checkSidecar(ctx, report) {
    const first = new Map<string, number>();
    for (const { claim } of ctx.claims) {
      if (claim.id === undefined) continue;
      const earlier = first.get(claim.id);
      if (earlier === undefined) {
        first.set(claim.id, claim.index);
        continue;
      }
      report({
        message: `claim id '${claim.id}' is already used by claim #${earlier + 1}`,
        ...at(ctx.sidecar, claimPath(claim, 'id')),
        claimId: claim.id,
        related: [related(at(ctx.sidecar, ['claims', earlier, 'id']), 'first use')],
      });
    }
  },
};
