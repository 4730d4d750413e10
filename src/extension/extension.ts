import * as vscode from 'vscode';

// Placeholder until the editor issue lands: proves the bundle loads in the extension host.
export function activate(_context: vscode.ExtensionContext): { ready: true } {
  return { ready: true };
}

export function deactivate(): void {}
