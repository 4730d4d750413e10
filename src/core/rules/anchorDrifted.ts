import type { Rule } from './rule';
import { compact, forStatus, requoteFix, similarity } from './anchorFindings';

export const anchorDrifted: Rule = {
  id: 'anchor-drifted',
  description: 'The quote no longer occurs verbatim; a similar passage was found elsewhere. Never moved silently.',
  defaultSeverity: 'warning',
  checkSidecar(ctx, report) {
    forStatus(ctx, 'drifted', (c) => ({
      message: `quote not found verbatim; closest passage has similarity ${similarity(c.anchor.score)}`,
      fixes: compact([requoteFix(ctx, c, c.anchor.start, c.anchor.end, `Re-anchor (similarity ${similarity(c.anchor.score)})`, false)]),
    }), report);
  },
};
