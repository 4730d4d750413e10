/** Language features over sidecars and the codebook, as plain data: context, completions, ids, outline. */
export { yamlContextAt, unquote, type YamlContext } from './yamlContext';
export { sidecarCompletions, codebookCompletions, type Candidate, type CandidateKind } from './completions';
export { codebookOccurrences, sidecarOccurrences, occurrencesIn, occurrenceAt, type IdKind, type IdOccurrence } from './occurrences';
export { sidecarSymbols, codebookSymbols, type SymbolData, type SymbolKind } from './symbols';
