import type { Rule } from './rule';
import { compact, forStatus, requoteFix } from './anchorFindings';

export const anchorMoved: Rule = {
  id: 'anchor-moved',
  description: 'The quote was found unchanged at another position; the offsets can be updated safely.',
  defaultSeverity: 'info',
  checkSidecar(ctx, report) {
    forStatus(ctx, 'moved', (c) => ({
      message: `quote moved from ${c.claim.quote?.start}–${c.claim.quote?.end} to ${c.anchor.start}–${c.anchor.end}`,
      fixes: compact([requoteFix(ctx, c, c.anchor.start, c.anchor.end, 'Update the quote offsets', true)]),
    }), report);
  },
};
