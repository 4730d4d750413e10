/** The tagging commands' entries for the command table (commands.ts wraps and registers them). */
import { COMMANDS } from '../commandIds';
import { addActorFromSelection, addAliasToActor } from './actorCommands';
import { changeStanceAtCursor, deleteClaimAtCursor, editClaimAtCursor } from './claimCommands';
import { goToClaim, goToUntagged, toggleArticleSidecar } from './navigate';
import { newArticle } from './newArticle';
import { newDataset } from './newDataset';
import { exportDatasetCommand } from '../export/exportDataset';
import type { TaggingServices } from './services';
import { tagSelection } from './tagSelection';

export function taggingCommands(s: TaggingServices): Record<string, (...args: unknown[]) => unknown> {
  return {
    [COMMANDS.tagSelection]: () => tagSelection(s),
    [COMMANDS.editClaim]: () => editClaimAtCursor(s),
    [COMMANDS.changeStance]: () => changeStanceAtCursor(s),
    [COMMANDS.deleteClaimAtCursor]: () => deleteClaimAtCursor(s),
    [COMMANDS.nextClaim]: () => goToClaim(s, 1),
    [COMMANDS.previousClaim]: () => goToClaim(s, -1),
    [COMMANDS.openSidecar]: () => toggleArticleSidecar(s),
    [COMMANDS.openArticle]: () => toggleArticleSidecar(s),
    [COMMANDS.addActor]: () => addActorFromSelection(s),
    [COMMANDS.addAlias]: () => addAliasToActor(s),
    [COMMANDS.newDataset]: (folder) => newDataset(s, folder),
    [COMMANDS.exportDataset]: (format, target) => exportDatasetCommand(s, format, target),
    [COMMANDS.newArticle]: (root) => newArticle(s, root),
    [COMMANDS.nextUntagged]: () => goToUntagged(s, 1),
    [COMMANDS.previousUntagged]: () => goToUntagged(s, -1),
  };
}
