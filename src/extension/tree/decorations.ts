/**
 * Colour for tree items, through file decorations on a private URI scheme: claims with problems
 * get a coloured badge, unused codebook entries a dimmed label. The URI carries the decoration,
 * so the provider is stateless and never needs to signal changes.
 */
import * as vscode from 'vscode';
import type { Decoration } from './items';

export const DECORATION_SCHEME = 'claimbook-explorer';

const DECORATIONS: Record<Decoration, vscode.FileDecoration> = {
  orphaned: new vscode.FileDecoration('O', 'orphaned: the quote is not in the article', new vscode.ThemeColor('list.errorForeground')),
  mismatch: new vscode.FileDecoration('M', 'the article was edited inside the quote', new vscode.ThemeColor('list.warningForeground')),
  ambiguous: new vscode.FileDecoration('A', 'ambiguous: the quote matches several passages', new vscode.ThemeColor('list.warningForeground')),
  drifted: new vscode.FileDecoration('D', 'drifted: only a similar passage was found', new vscode.ThemeColor('list.warningForeground')),
  contradiction: new vscode.FileDecoration('C', 'contradicts another claim', new vscode.ThemeColor('list.warningForeground')),
  unused: new vscode.FileDecoration(undefined, 'no claim uses it', new vscode.ThemeColor('disabledForeground')),
};

export function decorationUri(nodeId: string, decoration: Decoration): vscode.Uri {
  return vscode.Uri.from({ scheme: DECORATION_SCHEME, path: `/${encodeURIComponent(nodeId)}`, query: decoration });
}

export class ExplorerDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== DECORATION_SCHEME) return undefined;
    return Object.prototype.hasOwnProperty.call(DECORATIONS, uri.query) ? DECORATIONS[uri.query as Decoration] : undefined;
  }
}
