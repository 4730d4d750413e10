/**
 * Quick fixes and fix-all from the fixes the core attached to findings. A fix is offered only
 * while the file it edits still holds the text the fix was computed on.
 */
import * as vscode from 'vscode';
import type { Finding, Fix } from '../core';
import type { ValidationController, Validation } from './controller';
import { addEdits } from './convert';
import { uriOf } from './datasets';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('claimbook');

export class ClaimCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] };

  constructor(private readonly controller: ValidationController) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const v = this.controller.validationFor(doc.uri);
    if (!v) return [];
    const findings = v.byFile.get(v.located.path) ?? [];
    if (context.only?.contains(FIX_ALL_KIND)) return this.fixAll(v, findings);
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== 'claimbook') continue;
      const finding = findings.find((f) => matches(f, d, v));
      for (const fix of finding?.fixes ?? []) {
        const edit = this.toEdit(v, [fix]);
        if (!edit) continue;
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [d];
        action.isPreferred = fix.preferred === true || fix.safe;
        action.edit = edit;
        actions.push(action);
      }
    }
    return actions;
  }

  private fixAll(v: Validation & { located: { path: string } }, findings: Finding[]): vscode.CodeAction[] {
    const safe = findings.flatMap((f) => (f.fixes ?? []).filter((x) => x.safe));
    const edit = safe.length > 0 ? this.toEdit(v, safe) : undefined;
    if (!edit) return [];
    const action = new vscode.CodeAction('Fix all safe Claimbook problems', FIX_ALL_KIND);
    action.edit = edit;
    return [action];
  }

  /** Fixes → one WorkspaceEdit; undefined when a file changed since validation or fixes overlap. */
  private toEdit(v: Validation, fixes: Fix[]): vscode.WorkspaceEdit | undefined {
    const edit = new vscode.WorkspaceEdit();
    const byFile = new Map<string, Fix[]>();
    for (const f of fixes) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    for (const [file, list] of byFile) {
      const text = v.result.texts.get(file);
      const uri = uriOf(v.root, file);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (text === undefined || (open && open.getText() !== text)) return undefined;
      const edits = nonOverlapping(list.flatMap((f) => f.edits));
      addEdits(edit, uri, text, edits);
    }
    return edit;
  }
}

function matches(f: Finding, d: vscode.Diagnostic, v: Validation): boolean {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === f.rule && f.message === d.message && v.positions.range(f.file, f.start, f.end).isEqual(d.range);
}

function nonOverlapping<T extends { start: number; end: number }>(edits: T[]): T[] {
  const out: T[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (!last || e.start >= last.end) out.push(e);
  }
  return out;
}
