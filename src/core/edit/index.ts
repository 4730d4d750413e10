/** Edits the tagging workflow makes: new claims, changed claims, codebook entries, renames (all offset edits). */
export { newClaimId, newClaimIds, type RandomSource } from './claimId';
export { CLAIM_KEYS, QUOTE_KEYS, DEFAULT_LAYOUT, renderClaimLines, renderClaimBlock, renderFields, type NewClaim, type FieldValue, type BlockLayout } from './renderClaim';
export { insertClaims, claimIdsIn } from './insertClaims';
export { newSidecarText, sidecarPathFor, articleNameFor, type NewSidecar } from './newSidecar';
export { updateClaim, deleteClaim, claimIndexById, type ClaimChanges } from './updateClaim';
export { rankActors, findMentions, type RankedActor, type ActorQuery, type ActorReason } from './rankActors';
export { fuzzyScore, bestMatch, fold } from './fuzzy';
export { commitmentChoices, commitmentTree, stanceChoices, requirements, type CommitmentChoice, type Requirements } from './choices';
export { suggestId, idProblem, ID_PATTERN } from './suggestId';
export { parseFieldInput, textProblem, type ParsedInput } from './fieldInput';
export { addActor, addAlias, actorWithLabel, type NewActor } from './codebookEdit';
export { newCodebookText } from './newCodebook';
export { renameEdits, type RenameInput, type RenameResult } from './rename';
export { editRefusal, mergeInserts, type EditProblem, type EditResult } from './result';
export { eolOf } from './lines';
