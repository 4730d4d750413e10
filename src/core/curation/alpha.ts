/**
 * α_U of a comparison, computed by core/agreement (issue 15) as `claimbook agree` computes it
 * with its default label (the commitment): per label, Krippendorff's unitized alpha over the
 * articles' continua, combined over labels. So the view's figures equal the CLI's.
 * Spans are grouped by label in one pass per article, and an article without a label shares
 * one empty continuum: a comparison of 1,000 articles and 100 labels builds no 100,000 objects.
 */
import { combinedAlpha, labelOf, unitizedAlpha, type Continuum, type LabelKind, type Span } from '../agreement';
import type { ArticleUnits, Measure } from './disagreements';
import type { PlacedClaim } from './placed';

const LABEL: LabelKind = 'commitment';
const NO_SPANS: readonly Span[] = Object.freeze([]);

/** Per label, the article's spans on each side. */
function byLabel(a: ArticleUnits): Map<string, [Span[], Span[]]> {
  const out = new Map<string, [Span[], Span[]]>();
  const add = (claims: readonly PlacedClaim[], side: 0 | 1) => {
    for (const c of claims) {
      const label = labelOf(c.claim, LABEL);
      let sides = out.get(label);
      if (!sides) out.set(label, (sides = [[], []]));
      sides[side].push(c);
    }
  };
  add(a.mine, 0);
  add(a.theirs, 1);
  return out;
}

const alphaOfLabels = (continua: Iterable<readonly Continuum[]>): number | undefined => combinedAlpha([...continua].map((c) => unitizedAlpha(c))).alpha;

export const measure: Measure = (articles, wanted) => {
  const labelled = articles.map(byLabel);
  const byArticle = new Map<string, number | undefined>();
  articles.forEach((a, i) => {
    if (!wanted.has(a.article)) return;
    byArticle.set(a.article, alphaOfLabels([...(labelled[i] as Map<string, [Span[], Span[]]>).values()].map((sources) => [{ length: a.length, sources }])));
  });
  const empty: Continuum[] = articles.map((a) => ({ length: a.length, sources: [NO_SPANS, NO_SPANS] }));
  const continua = new Map<string, Continuum[]>();
  labelled.forEach((labels, i) => {
    for (const [label, sources] of labels) {
      let list = continua.get(label);
      if (!list) continua.set(label, (list = empty.slice()));
      list[i] = { length: (articles[i] as ArticleUnits).length, sources };
    }
  });
  return { byArticle, overall: alphaOfLabels(continua.values()) };
};
