import type { Rule, SidecarContext, AnchoredClaim } from './rule';
import type { Codebook } from '../model/codebook';
import { claimPlace, describeClaim, related } from './where';

export const contradiction: Rule = {
  id: 'contradiction',
  description: 'One actor takes contradicting stances on one commitment: a warning within an article, information across articles.',
  defaultSeverity: 'warning',
  checkSidecar(ctx, report) {
    const cb = ctx.codebook?.model;
    if (!cb || cb.contradictions.length === 0) return;
    const groups = groupByActorCommitment([ctx]);
    for (const list of groups.values()) {
      list.forEach((later, j) => {
        const earlier = list.slice(0, j).find((e) => contradicts(cb, e.c.claim.stance, later.c.claim.stance));
        if (!earlier) return;
        report({
          message: `'${later.c.claim.actor}' is recorded as ${later.c.claim.stance} on '${later.c.claim.commitment}' here but ${earlier.c.claim.stance} in ${describeClaim(earlier.c)}`,
          ...claimPlace(ctx, later.c),
          claimId: later.c.claim.id,
          related: [related(claimPlace(ctx, earlier.c), `${earlier.c.claim.stance} (${describeClaim(earlier.c)})`)],
        });
      });
    }
  },
  checkDataset(ctx, report) {
    const cb = ctx.codebook?.model;
    if (!cb || cb.contradictions.length === 0) return;
    for (const list of groupByActorCommitment(ctx.sidecars).values()) {
      for (const item of list) {
        const others = list.filter((o) => o.ctx !== item.ctx && contradicts(cb, o.c.claim.stance, item.c.claim.stance));
        if (others.length === 0) continue;
        report({
          severity: 'info',
          message: `'${item.c.claim.actor}' is recorded as ${item.c.claim.stance} on '${item.c.claim.commitment}' here but ${others[0]?.c.claim.stance} in ${others.length === 1 ? 'another article' : `${others.length} other claims`}`,
          ...claimPlace(item.ctx, item.c),
          claimId: item.c.claim.id,
          related: others.slice(0, 5).map((o) => related(claimPlace(o.ctx, o.c), `${o.c.claim.stance} in ${o.ctx.sidecar.model.article ?? o.ctx.sidecar.path}`)),
        });
      }
    }
  },
};

function groupByActorCommitment(contexts: SidecarContext[]): Map<string, Array<{ ctx: SidecarContext; c: AnchoredClaim }>> {
  const groups = new Map<string, Array<{ ctx: SidecarContext; c: AnchoredClaim }>>();
  for (const ctx of contexts) {
    for (const c of ctx.claims) {
      if (c.claim.actor === undefined || c.claim.commitment === undefined || c.claim.stance === undefined) continue;
      const key = JSON.stringify([c.claim.actor, c.claim.commitment]);
      groups.set(key, [...(groups.get(key) ?? []), { ctx, c }]);
    }
  }
  return groups;
}

function contradicts(cb: Codebook, a: string | undefined, b: string | undefined): boolean {
  return cb.contradictions.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}
