import type { Rule } from './rule';
import { reportUnknown } from './unknownIds';

export const unknownStance: Rule = {
  id: 'unknown-stance',
  description: "A claim's stance is not a stance id of the codebook.",
  defaultSeverity: 'error',
  checkSidecar(ctx, report) {
    const codebook = ctx.codebook?.model;
    if (!codebook) return;
    const candidates = () => [...codebook.stances.values()].map((s) => ({ id: s.id, labels: [s.label] }));
    for (const { claim } of ctx.claims) {
      reportUnknown(ctx, report, claim, 'stance', claim.stance, codebook.stances, candidates, 'stance');
    }
  },
};
