/**
 * Status bar for the active article: its progress (claims, coverage, untagged mentions) and
 * problems; a click opens the sidecar. While the dataset's codebook cannot be read it shows an
 * error state instead of counts, and a click opens the problem.
 */
import * as vscode from 'vscode';
import { articleProgress, progressText } from '../core';
import { codebookBroken, fileNotices } from '../core/explore';
import type { ValidationController } from './controller';
import { COMMANDS } from './commandIds';
import { uriOf } from './datasets';

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
    if (v && codebookBroken(v.result)) {
      const notice = fileNotices(v.result)[0];
      this.item.text = '$(error) Claimbook: codebook unreadable';
      this.item.tooltip = notice ? `${notice.label}: ${notice.message} Click to open it.` : 'claimbook.yaml cannot be read.';
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      const at = notice && v.result.texts.has(notice.file) ? v.positions.range(notice.file, notice.start, notice.start) : new vscode.Range(0, 0, 0, 0);
      this.item.command = { command: 'vscode.open', title: 'Open the codebook', arguments: [uriOf(v.root, notice?.file ?? 'claimbook.yaml'), { selection: at }] };
      this.item.show();
      return;
    }
    this.item.backgroundColor = undefined;
    this.item.command = COMMANDS.openSidecar;
    const isArticle = v?.result.articles.some((a) => a.path === v.located.path);
    if (!v || !isArticle) {
      this.item.hide();
      return;
    }
    const progress = articleProgress(v.result, v.located.path);
    const related = new Set([v.located.path, ...v.result.sidecars.filter((s) => s.article?.path === v.located.path).map((s) => s.sidecar.path)]);
    const findings = [...related].flatMap((p) => v.byFile.get(p) ?? []);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    this.item.text = `$(quote) ${progressText(progress)}${errors || warnings ? `  $(error) ${errors}  $(warning) ${warnings}` : ''}`;
    this.item.tooltip = `Claimbook: ${plural(progress.claims, 'claim')} in this article, covering ${Math.round(progress.coverage * 100)} % of its text; ${plural(progress.untagged, 'untagged mention')} (Go to Next Untagged Mention: Ctrl+Alt+'); ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in it and its sidecar. Click to open the sidecar.`;
    this.item.show();
  }
}
