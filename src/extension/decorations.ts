/**
 * Claim spans coloured by stance (theme colours from contributes.colors), with a distinct style
 * for anchors in trouble. Decoration types are created once; only visible editors are drawn.
 */
import * as vscode from 'vscode';
import type { ValidationController } from './controller';
import { articleClaims } from './claimsAt';
import { readSettings } from './settings';
import { STANCE_COLOURS } from './stanceColours';


export class ClaimDecorations implements vscode.Disposable {
  private readonly byStance = new Map<string, vscode.TextEditorDecorationType>();
  private readonly other: vscode.TextEditorDecorationType;
  private readonly troubled: vscode.TextEditorDecorationType;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly controller: ValidationController) {
    for (const stance of STANCE_COLOURS) this.byStance.set(stance, spanType(`claimbook.stance.${stance}`));
    this.other = spanType('claimbook.stance.other');
    this.troubled = vscode.window.createTextEditorDecorationType({
      border: '1px dashed',
      borderColor: new vscode.ThemeColor('claimbook.anchor.problem'),
      overviewRulerColor: new vscode.ThemeColor('claimbook.anchor.problem'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
    });
    this.disposables.push(
      ...this.byStance.values(),
      this.other,
      this.troubled,
      controller.onDidValidate(() => this.render()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.render()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('claimbook.decorations')) this.render();
      }),
    );
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  render(): void {
    for (const editor of vscode.window.visibleTextEditors) this.renderEditor(editor);
  }

  private renderEditor(editor: vscode.TextEditor): void {
    const v = this.controller.validationFor(editor.document.uri);
    const groups = new Map<vscode.TextEditorDecorationType, vscode.DecorationOptions[]>();
    for (const t of [...this.byStance.values(), this.other, this.troubled]) groups.set(t, []);
    // Offsets are only valid against the text that was validated; skip stale editors until the next run.
    const current = v && v.result.texts.get(v.located.path) === editor.document.getText();
    if (v && current && readSettings(editor.document.uri).decorations) {
      for (const a of articleClaims(v, v.located.path)) {
        const range = new vscode.Range(editor.document.positionAt(a.start), editor.document.positionAt(a.end));
        const problem = a.c.anchor && a.c.anchor.status !== 'exact' && a.c.anchor.status !== 'moved';
        const type = problem ? this.troubled : this.byStance.get(a.c.claim.stance ?? '') ?? this.other;
        groups.get(type)?.push({ range });
      }
    } else if (v && !current) return;
    for (const [type, ranges] of groups) editor.setDecorations(type, ranges);
  }
}

function spanType(colour: string): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor(`${colour}.background`),
    borderRadius: '2px',
    overviewRulerColor: new vscode.ThemeColor(`${colour}.background`),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
}
