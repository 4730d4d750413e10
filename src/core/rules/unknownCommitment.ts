import type { Rule } from './rule';
import { reportUnknown } from './unknownIds';

export const unknownCommitment: Rule = {
  id: 'unknown-commitment',
  description: "A claim's commitment is not a commitment id of the codebook.",
  defaultSeverity: 'error',
  checkSidecar(ctx, report) {
    const codebook = ctx.codebook?.model;
    if (!codebook) return;
    const candidates = () => [...codebook.commitments.values()].map((c) => ({ id: c.id, labels: [c.label] }));
    for (const { claim } of ctx.claims) {
      reportUnknown(ctx, report, claim, 'commitment', claim.commitment, codebook.commitments, candidates, 'commitment');
    }
  },
};
