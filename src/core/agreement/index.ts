/** Inter-annotator agreement (issue 15): sources → paired articles → measures and disagreements. */
export { LABEL_KINDS, NONE, attributesFor, attributeValue, labelOf, unitsOf, type AttributeName, type LabelKind, type PlacedClaim, type Unit } from './units';
export { matchUnits, type Match, type MatchMode, type Matching } from './matching';
export { combinedAlpha, mergeSpans, unitizedAlpha, type AlphaParts, type Continuum, type Span } from './unitizedAlpha';
export { cohenKappa, nominalAlpha } from './nominal';
export { sourceFromCheck, sourcesByAnnotator, type AgreementSource, type SourceArticle } from './sources';
export { pairArticles, type LeftOut, type PairedArticle, type Pairing } from './pairing';
export { articleDisagreements, pairDisagreements, sourcePairs, type Disagreement, type DisagreementKind } from './disagreements';
export { computeAgreement, type AgreementReport, type ArticleMeasures, type AttributeMeasures, type LabelMeasures, type OverallMeasures, type PairMeasures } from './report';
