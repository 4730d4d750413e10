/** The command table (STYLE §11): each handler wrapped so failures reach the user, not the log. */
import * as vscode from 'vscode';
import { nodeRange } from '../core';
import { applyPlannedFix } from './codeActions';
import { COMMANDS } from './commandIds';
import type { ValidationController } from './controller';
import { uriOf } from './datasets';

export type Handler = (...args: unknown[]) => unknown;

export function registerCommands(controller: ValidationController): vscode.Disposable[] {
  const table: Record<string, Handler> = {
    [COMMANDS.validate]: () => controller.validateAll('command'),
    [COMMANDS.toggleDecorations]: async () => {
      const config = vscode.workspace.getConfiguration('claimbook');
      await config.update('decorations.enabled', !config.get<boolean>('decorations.enabled', true), vscode.ConfigurationTarget.Workspace);
    },
    [COMMANDS.openClaim]: (sidecarPath, claimIndex) => openClaim(controller, sidecarPath, claimIndex),
    // The command of a quick fix that edits another file than the one it was asked for (codeActions.ts).
    [COMMANDS.applyFix]: (plan) => applyPlannedFix(plan),
  };
  return registerTable(table);
}

/** Registers a table of handlers, each wrapped so an error is shown to the user. */
export function registerTable(table: Record<string, Handler>): vscode.Disposable[] {
  return Object.entries(table).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        void vscode.window.showErrorMessage(`Claimbook: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }),
  );
}

// Open Sidecar / Open Article (a toggle at the claim under the cursor) live in tagging/navigate.ts.

/** Opens a sidecar at a claim (used by hover links): `[sidecarPath, claimIndex]`. */
async function openClaim(controller: ValidationController, sidecarPath: unknown, claimIndex: unknown): Promise<void> {
  if (typeof sidecarPath !== 'string' || typeof claimIndex !== 'number') return;
  for (const v of controller.validations()) {
    const ctx = v.result.sidecars.find((s) => s.sidecar.path === sidecarPath);
    if (!ctx) continue;
    const r = nodeRange(ctx.sidecar.parsed, ['claims', claimIndex], 'value');
    const range = v.positions.range(sidecarPath, r.start, r.start);
    await vscode.window.showTextDocument(uriOf(v.root, sidecarPath), { selection: range });
    return;
  }
}
