/** Command ids, free of `vscode` so a unit test can pin them to package.json. */
export const COMMANDS = {
  validate: 'claimbook.validate',
  toggleDecorations: 'claimbook.toggleDecorations',
  openSidecar: 'claimbook.openSidecar',
  openClaim: 'claimbook.openClaim',
} as const;

/** Commands shown in the palette (openClaim is for hover links only). */
export const PALETTE_COMMANDS = [COMMANDS.validate, COMMANDS.toggleDecorations, COMMANDS.openSidecar] as const;
