/**
 * Dataset roots in the workspace: every folder holding a `claimbook.yaml`. A file belongs to the
 * nearest root above it.
 */
import * as vscode from 'vscode';
import { CODEBOOK_FILE } from '../core';

export interface Located {
  root: vscode.Uri;
  /** POSIX path relative to the root, as the core names files. */
  path: string;
}

export class DatasetRoots {
  private roots: vscode.Uri[] = [];

  async refresh(): Promise<vscode.Uri[]> {
    const found = await vscode.workspace.findFiles(`**/${CODEBOOK_FILE}`, '**/{node_modules,.git}/**');
    this.roots = found.map((u) => vscode.Uri.joinPath(u, '..')).sort((a, b) => b.path.length - a.path.length);
    return this.all();
  }

  all(): vscode.Uri[] {
    return [...this.roots];
  }

  locate(uri: vscode.Uri): Located | undefined {
    for (const root of this.roots) {
      if (uri.scheme !== root.scheme || uri.authority !== root.authority) continue;
      const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
      if (uri.path.startsWith(prefix)) return { root, path: uri.path.slice(prefix.length) };
    }
    return undefined;
  }
}

export function uriOf(root: vscode.Uri, path: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...path.split('/'));
}
