/** What `activate()` returns: enough for integration tests to wait on events instead of sleeping. */
import type * as vscode from 'vscode';
import type { ValidationController, ValidationEvent } from './controller';

export interface ClaimbookApi {
  /** Fires after every published validation. */
  onDidValidate: vscode.Event<ValidationEvent>;
  /** Time spent in our own activate(), in milliseconds. */
  activationMs: number;
  /** Re-validates every dataset now and resolves when published. */
  validateAll(): Promise<void>;
  controller: ValidationController;
}
