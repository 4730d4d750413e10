import type { AnchoredClaim, Rule } from './rule';
import { resolveQuote, type QuoteSelector } from '../anchor';
import { compact, forStatus, requoteFix, similarity } from './anchorFindings';

export const quoteMismatch: Rule = {
  id: 'quote-mismatch',
  description: "The article was edited inside the claim's quote: the text at the span no longer equals the quote.",
  defaultSeverity: 'warning',
  checkSidecar(ctx, report) {
    forStatus(ctx, 'mismatch', (c) => {
      const index = ctx.article?.index;
      // "Re-anchor" looks for the original words elsewhere, ignoring the edited span.
      const quote = reanchorQuote(c);
      const elsewhere = index && quote ? resolveQuote(quote, index) : undefined;
      const reanchor = elsewhere && (elsewhere.status === 'moved' || elsewhere.status === 'exact' || elsewhere.status === 'drifted') && (elsewhere.start !== c.anchor.start || elsewhere.end !== c.anchor.end)
        ? requoteFix(ctx, c, elsewhere.start, elsewhere.end, `Re-anchor (similarity ${similarity(elsewhere.score)})`, false)
        : undefined;
      return {
        message: `the text inside the quote was edited (similarity ${similarity(c.anchor.score)})`,
        fixes: compact([requoteFix(ctx, c, c.anchor.start, c.anchor.end, 'Update the quote to the current text', false), reanchor]),
      };
    }, report);
  },
};

/** What "Re-anchor" looks for: the original words, without the offsets of the edited span. */
export function reanchorQuote(c: AnchoredClaim): QuoteSelector | undefined {
  return c.claim.quote ? { ...c.claim.quote, start: undefined, end: undefined } : undefined;
}
