/** Status bar for the active article: its claims and problems; a click opens the sidecar. */
import * as vscode from 'vscode';
import type { ValidationController } from './controller';
import { articleClaims } from './claimsAt';
import { COMMANDS } from './commandIds';

export class ClaimStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('claimbook.status', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly controller: ValidationController) {
    this.item.name = 'Claimbook';
    this.item.command = COMMANDS.openSidecar;
    this.disposables.push(this.item, controller.onDidValidate(() => this.update()), vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.update();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const v = editor ? this.controller.validationFor(editor.document.uri) : undefined;
    const isArticle = v?.result.articles.some((a) => a.path === v.located.path);
    if (!v || !isArticle) {
      this.item.hide();
      return;
    }
    const claims = articleClaims(v, v.located.path).length;
    const related = new Set([v.located.path, ...v.result.sidecars.filter((s) => s.article?.path === v.located.path).map((s) => s.sidecar.path)]);
    const findings = [...related].flatMap((p) => v.byFile.get(p) ?? []);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    this.item.text = `$(quote) ${claims} claim${claims === 1 ? '' : 's'}${errors || warnings ? `  $(error) ${errors}  $(warning) ${warnings}` : ''}`;
    this.item.tooltip = `Claimbook: ${claims} claims in this article, ${errors} errors and ${warnings} warnings in it and its sidecar. Click to open the sidecar.`;
    this.item.show();
  }
}
