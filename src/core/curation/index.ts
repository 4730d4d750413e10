/** Curation: two sources' claims compared per article, and the curator's decisions as sidecar text. */
export { sourceLabel, curatedFromValue, parseCuratedFrom, type SourceKind } from './curatedFrom';
export { placeMine, placeTheirs, articleTexts, type PlacedClaim, type ArticleSide, type Side } from './placed';
export { pairClaims, type Pairing } from './pairing';
export { compareSides, compareArticle, differences, type Disagreement, type DisagreementKind, type Difference, type ArticleComparison, type Comparison, type CompareOptions, type Measure, type ArticleUnits } from './disagreements';
export { curate, type CurationAction, type CurationInput, type CurationResult } from './actions';
export { compareResults, type CompareResultsOptions } from './compareResults';
export { comparisonRows, summaryOf, labelOf, formatAlpha, type ArticleRow, type DisagreementRow, type Names } from './viewModel';
