/** Two checked datasets compared: my claims where they are now, theirs placed on my texts. */
import type { CheckResult } from '../dataset/datasetIndex';
import type { Claim } from '../model/sidecar';
import { measure } from './alpha';
import { compareSides, type Comparison } from './disagreements';
import { articleTexts, placeMine, placeTheirs } from './placed';

export interface CompareResultsOptions {
  /** The compared source's label, for settled claims (`curated-from`). */
  source: string;
  keepMine?: (c: Claim) => boolean;
  keepTheirs?: (c: Claim) => boolean;
  /** Disagreement keys decided without an edit, left out. */
  dismissed?: ReadonlySet<string>;
}

export function compareResults(mine: Pick<CheckResult, 'sidecars' | 'articles'>, theirs: Pick<CheckResult, 'sidecars'>, options: CompareResultsOptions): Comparison {
  const texts = articleTexts(mine.articles);
  const full = compareSides(placeMine(mine.sidecars, options.keepMine), placeTheirs(theirs.sidecars, texts, options.keepTheirs), {
    source: options.source,
    lengthOf: (a) => texts.get(a)?.cpLength,
    measure,
  });
  const dismissed = options.dismissed;
  if (!dismissed || dismissed.size === 0) return full;
  const articles = full.articles.map((a) => ({ ...a, disagreements: a.disagreements.filter((d) => !dismissed.has(d.key)) })).filter((a) => a.disagreements.length > 0);
  return { ...full, articles, disagreements: articles.reduce((n, a) => n + a.disagreements.length, 0) };
}
