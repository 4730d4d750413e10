import type { Rule } from './rule';
import { compact, forStatus, requoteFix, similarity } from './anchorFindings';

export const anchorAmbiguous: Rule = {
  id: 'anchor-ambiguous',
  description: 'Two or more passages match the quote equally well; the annotator must choose.',
  defaultSeverity: 'warning',
  checkSidecar(ctx, report) {
    forStatus(ctx, 'ambiguous', (c) => {
      const candidates = c.anchor.candidates ?? [];
      const index = ctx.article?.index;
      return {
        message: `quote matches ${candidates.length || 'several'} passages equally well (similarity ${similarity(c.anchor.score)})`,
        fixes: compact(candidates.map((k) => {
          const line = index ? index.text.slice(0, index.cpToText16(k.start)).split('\n').length : 0;
          return requoteFix(ctx, c, k.start, k.end, `Anchor to the passage on line ${line} (similarity ${similarity(k.score)})`, false);
        })),
      };
    }, report);
  },
};
