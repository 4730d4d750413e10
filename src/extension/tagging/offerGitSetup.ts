/**
 * After New Dataset: when the folder is in a git repository, offer `claimbook git-setup` (the
 * merge driver for sidecars and the codebook). It runs the CLI bundled beside the extension,
 * so the driver registered in git config points at this installation.
 */
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import type { TaggingServices } from './services';

function exec(file: string, args: string[], cwd: string): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) => {
    try {
      execFile(file, args, { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }, (error, stdout, stderr) =>
        resolve({ ok: !error, out: `${stdout}${stderr}`.trim() }),
      );
    } catch (error) {
      // The web build has no processes (its execFile throws): nothing to set up there.
      resolve({ ok: false, out: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** Asks, and runs git-setup on yes; resolves with what was done ('set-up', 'declined', 'not-git', or 'failed'). */
export async function offerGitSetup(s: TaggingServices, folder: vscode.Uri): Promise<'set-up' | 'declined' | 'not-git' | 'failed'> {
  // No process runs in an untrusted workspace: a `git` committed into the folder could be the one found.
  if (folder.scheme !== 'file' || !vscode.workspace.isTrusted) return 'not-git';
  const inside = await exec('git', ['rev-parse', '--is-inside-work-tree'], folder.fsPath);
  if (!inside.ok) return 'not-git';
  const answer = await s.prompter.pick({
    step: 'git-setup',
    title: 'Claimbook: this folder is in a git repository',
    placeholder: 'Set it up so that annotators on different branches merge without conflicts?',
    items: [
      { id: 'yes', label: 'Set up git merges', detail: 'claimbook git-setup: .gitattributes and the merge driver in this repository’s config' },
      { id: 'no', label: 'Not now', detail: 'Run "claimbook git-setup" later from a terminal' },
    ],
  });
  if (answer !== 'yes') return 'declined';
  // dist/extension.js and dist/cli.js are bundled side by side (no node:path: the web build has none).
  const cli = `${__dirname}/cli.js`;
  const r = await exec(process.execPath, [cli, 'git-setup', folder.fsPath], folder.fsPath);
  if (!r.ok) {
    void vscode.window.showErrorMessage(`Claimbook: git-setup failed: ${r.out}`);
    return 'failed';
  }
  void vscode.window.showInformationMessage('Claimbook: git is set up for merging sidecars and the codebook entry by entry.');
  return 'set-up';
}
