/** Command ids, free of `vscode` so a unit test can pin them to package.json. */
export const COMMANDS = {
  validate: 'claimbook.validate',
  toggleDecorations: 'claimbook.toggleDecorations',
  openSidecar: 'claimbook.openSidecar',
  openClaim: 'claimbook.openClaim',
  applyFix: 'claimbook.applyFix',
  // The Claims explorer (src/extension/tree).
  groupClaims: 'claimbook.groupClaims',
  filterClaims: 'claimbook.filterClaims',
  clearClaimFilter: 'claimbook.clearClaimFilter',
  revealClaim: 'claimbook.revealClaim',
  deleteClaim: 'claimbook.deleteClaim',
  reanchorClaim: 'claimbook.reanchorClaim',
  openClaimInSidecar: 'claimbook.openClaimInSidecar',
  copyClaimAsJson: 'claimbook.copyClaimAsJson',
  showClaims: 'claimbook.showClaims',
  showArticleClaims: 'claimbook.showArticleClaims',
  openCodebookEntry: 'claimbook.openCodebookEntry',
  openConflict: 'claimbook.openConflict',
  editClaimInView: 'claimbook.editClaimInView',
  changeStanceInView: 'claimbook.changeStanceInView',
  addAliasInView: 'claimbook.addAliasInView',
  renameInView: 'claimbook.renameInView',
  openNotice: 'claimbook.openNotice',
  // Tagging and editing claims (src/extension/tagging).
  tagSelection: 'claimbook.tagSelection',
  editClaim: 'claimbook.editClaim',
  changeStance: 'claimbook.changeStance',
  deleteClaimAtCursor: 'claimbook.deleteClaimAtCursor',
  nextClaim: 'claimbook.nextClaim',
  previousClaim: 'claimbook.previousClaim',
  openArticle: 'claimbook.openArticle',
  addActor: 'claimbook.addActor',
  addAlias: 'claimbook.addAlias',
  newDataset: 'claimbook.newDataset',
  exportDataset: 'claimbook.exportDataset',
  newArticle: 'claimbook.newArticle',
  nextUntagged: 'claimbook.nextUntaggedMention',
  previousUntagged: 'claimbook.previousUntaggedMention',
  // Review and curation (src/extension/curation).
  compareAnnotations: 'claimbook.compareAnnotations',
  stopComparing: 'claimbook.stopComparing',
  refreshComparison: 'claimbook.refreshComparison',
  showDisagreement: 'claimbook.showDisagreement',
  acceptMine: 'claimbook.acceptMine',
  acceptTheirs: 'claimbook.acceptTheirs',
  acceptBoth: 'claimbook.acceptBoth',
  rejectBoth: 'claimbook.rejectBoth',
  nextDisagreement: 'claimbook.nextDisagreement',
  previousDisagreement: 'claimbook.previousDisagreement',
} as const;

/** The tagging commands, all in the palette (their `when` clauses narrow them to articles and sidecars). */
const TAGGING_PALETTE = [
  COMMANDS.tagSelection,
  COMMANDS.editClaim,
  COMMANDS.changeStance,
  COMMANDS.deleteClaimAtCursor,
  COMMANDS.nextClaim,
  COMMANDS.previousClaim,
  COMMANDS.openArticle,
  COMMANDS.addActor,
  COMMANDS.addAlias,
  COMMANDS.newDataset,
  COMMANDS.exportDataset,
  COMMANDS.newArticle,
  COMMANDS.nextUntagged,
  COMMANDS.previousUntagged,
] as const;

/** Curation commands in the palette (showDisagreement is for the view's clicks). */
const CURATION_PALETTE = [
  COMMANDS.compareAnnotations,
  COMMANDS.stopComparing,
  COMMANDS.refreshComparison,
  COMMANDS.acceptMine,
  COMMANDS.acceptTheirs,
  COMMANDS.acceptBoth,
  COMMANDS.rejectBoth,
  COMMANDS.nextDisagreement,
  COMMANDS.previousDisagreement,
] as const;

/** Commands shown in the palette (openClaim is for hover links only). */
export const PALETTE_COMMANDS = [COMMANDS.validate, COMMANDS.toggleDecorations, COMMANDS.openSidecar, COMMANDS.groupClaims, COMMANDS.filterClaims, COMMANDS.clearClaimFilter, COMMANDS.showArticleClaims, ...TAGGING_PALETTE, ...CURATION_PALETTE] as const;
