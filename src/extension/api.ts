/** What `activate()` returns: enough for integration tests to wait on events instead of sleeping. */
import type * as vscode from 'vscode';
import type { ValidationController, ValidationEvent } from './controller';
import type { ClaimExplorer } from './tree/explorer';
import type { Prompter } from './tagging/prompter';
import type { Curator } from './curation/curator';

export interface ClaimbookApi {
  /** Fires after every published validation. */
  onDidValidate: vscode.Event<ValidationEvent>;
  /** Time spent in our own activate(), in milliseconds. */
  activationMs: number;
  /** Re-validates every dataset now and resolves when published. */
  validateAll(): Promise<void>;
  controller: ValidationController;
  /** The Claimbook views (Claims, Codebook, Conflicts) and their model. */
  explorer: ClaimExplorer;
  /** Replaces the tagging commands' quick picks with scripted answers (tests); undefined restores them. */
  setPrompter(prompter: Prompter | undefined): void;
  /** The status bar item: what the annotator reads about the active article. */
  statusBar: vscode.StatusBarItem;
  /** Compare Annotations: the comparison, the Disagreements view and the decisions. */
  curator: Curator;
}
