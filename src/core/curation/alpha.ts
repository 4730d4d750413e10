/**
 * α_U of a comparison, computed by core/agreement (issue 15) as `claimbook agree` computes it
 * with its default label (the commitment): per label, Krippendorff's unitized alpha over the
 * articles' continua, combined over labels. So the view's figures equal the CLI's.
 */
import { combinedAlpha, unitizedAlpha, unitsOf, type Continuum, type LabelKind } from '../agreement';
import type { AlphaOf, ArticleUnits, OverallAlpha } from './disagreements';

const LABEL: LabelKind = 'commitment';

function alphaOver(articles: readonly ArticleUnits[]): number | undefined {
  const byLabel = new Map<string, Continuum[]>();
  articles.forEach((a, at) => {
    const sides = [unitsOf(a.mine, LABEL), unitsOf(a.theirs, LABEL)];
    for (const label of new Set(sides.flat().map((u) => u.label))) {
      let continua = byLabel.get(label);
      if (!continua) byLabel.set(label, (continua = articles.map((x) => ({ length: x.length, sources: [[], []] }))));
      continua[at] = { length: a.length, sources: sides.map((units) => units.filter((u) => u.label === label)) };
    }
  });
  return combinedAlpha([...byLabel.values()].map((continua) => unitizedAlpha(continua))).alpha;
}

const alphaOf: AlphaOf = (article) => alphaOver([article]);
const overallAlpha: OverallAlpha = (articles) => alphaOver(articles);

export const alphaOptions: { alphaOf: AlphaOf; overallAlpha: OverallAlpha } = { alphaOf, overallAlpha };
