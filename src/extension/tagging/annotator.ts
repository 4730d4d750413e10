/**
 * Who is annotating: the `claimbook.annotator` setting, else git's user.name (trusted workspaces
 * only), else the OS user.
 */
import { execFile } from 'node:child_process';
import * as os from 'node:os';
import * as vscode from 'vscode';

const GIT_TIMEOUT_MS = 2000;

export class AnnotatorName {
  private git: Promise<string | undefined> | undefined;

  async get(scope: vscode.Uri): Promise<string> {
    const configured = vscode.workspace.getConfiguration('claimbook', scope).get<string>('annotator', '').trim();
    if (configured !== '') return configured;
    // No process in an untrusted workspace: on Windows a bare `git` is looked up in the
    // workspace folder first, so a `git.exe` committed into a dataset would run.
    if (!vscode.workspace.isTrusted) return osUserName();
    // Asked once per session: git's identity does not change while the editor runs.
    this.git ??= gitUserName(scope);
    return (await this.git) ?? osUserName();
  }
}

function gitUserName(scope: vscode.Uri): Promise<string | undefined> {
  // The extension host sees the workspace's files on its own disk for file and remote folders.
  const cwd = scope.scheme === 'file' || scope.scheme === 'vscode-remote' ? scope.fsPath : undefined;
  return new Promise((resolve) => {
    try {
      execFile('git', ['config', 'user.name'], { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
        const name = error ? '' : String(stdout).trim();
        resolve(name === '' ? undefined : name);
      });
    } catch {
      resolve(undefined);
    }
  });
}

function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}
