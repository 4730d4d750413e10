import type { Rule } from './rule';
import { forStatus } from './anchorFindings';

export const anchorOrphaned: Rule = {
  id: 'anchor-orphaned',
  description: 'The quote cannot be found in the article, not even approximately.',
  defaultSeverity: 'error',
  checkSidecar(ctx, report) {
    forStatus(ctx, 'orphaned', (c) => ({
      message: `quote not found in ${ctx.article?.path ?? 'the article'}: "${ellipsis(c.claim.quote?.exact ?? '')}"`,
      fixes: [],
    }), report);
  },
};

function ellipsis(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
