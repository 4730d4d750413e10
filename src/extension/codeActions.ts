/**
 * Quick fixes and fix-all from the fixes the core attached to findings. A fix is offered only
 * while the file it edits still holds the text the fix was computed on. VS Code applies a code
 * action's edit itself, unchecked (it sends no document version with it): a fix confined to the
 * document asked about carries its edit, which VS Code asks for again as that document and its
 * diagnostics change; a fix that edits another file instead carries a command that applies it
 * through a GuardedEdit when chosen, so a file changed meanwhile (on disk, say) is not written.
 */
import * as vscode from 'vscode';
import type { Finding, Fix, TextEdit } from '../core';
import { COMMANDS } from './commandIds';
import type { ValidationController, Validation } from './controller';
import { addEdits } from './convert';
import { uriOf } from './datasets';
import { GuardedEdit } from './guardedEdit';

/** A fix handed to `claimbook.applyFix`: edits per file, with the text they are positioned in. */
export interface PlannedFix {
  files: Array<{ uri: vscode.Uri; text: string; edits: TextEdit[] }>;
}

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('claimbook');

export class ClaimCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] };

  constructor(private readonly controller: ValidationController) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const v = this.controller.validationFor(doc.uri);
    if (!v) return [];
    const findings = v.byFile.get(v.located.path) ?? [];
    if (context.only?.contains(FIX_ALL_KIND)) return this.fixAll(doc, v, findings);
    const actions: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== 'claimbook') continue;
      const finding = findings.find((f) => matches(f, d, v));
      for (const fix of finding?.fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        if (!this.attach(action, doc, v, [fix])) continue;
        action.diagnostics = [d];
        action.isPreferred = fix.preferred === true || fix.safe;
        actions.push(action);
      }
    }
    return actions;
  }

  private fixAll(doc: vscode.TextDocument, v: Validation, findings: Finding[]): vscode.CodeAction[] {
    const safe = findings.flatMap((f) => (f.fixes ?? []).filter((x) => x.safe));
    const action = new vscode.CodeAction('Fix all safe Claimbook problems', FIX_ALL_KIND);
    return safe.length > 0 && this.attach(action, doc, v, safe) ? [action] : [];
  }

  /** Gives the action its edit (or its guarded command); false when a file changed since validation. */
  private attach(action: vscode.CodeAction, doc: vscode.TextDocument, v: Validation, fixes: Fix[]): boolean {
    const plan = planOf(v, fixes);
    if (!plan) return false;
    if (plan.files.every((f) => f.uri.toString() === doc.uri.toString())) {
      action.edit = new vscode.WorkspaceEdit();
      for (const f of plan.files) addEdits(action.edit, f.uri, f.text, f.edits);
    } else {
      action.command = { command: COMMANDS.applyFix, title: action.title, arguments: [plan] };
    }
    return true;
  }
}

/** Fixes → edits per file on the validation's texts; undefined when a file changed since or is unknown. */
function planOf(v: Validation, fixes: Fix[]): PlannedFix | undefined {
  const byFile = new Map<string, Fix[]>();
  for (const f of fixes) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const files: PlannedFix['files'] = [];
  for (const [file, list] of byFile) {
    const text = v.result.texts.get(file);
    const uri = uriOf(v.root, file);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (text === undefined || (open && open.getText() !== text)) return undefined;
    files.push({ uri, text, edits: nonOverlapping(list.flatMap((f) => f.edits)) });
  }
  return files.length > 0 ? { files } : undefined;
}

/** `claimbook.applyFix`: a fix that edits files other than the one asked about, applied only onto the texts it was computed on. */
export async function applyPlannedFix(plan: unknown): Promise<boolean> {
  const files = (plan as Partial<PlannedFix> | undefined)?.files;
  if (!Array.isArray(files)) return false;
  const guarded = new GuardedEdit();
  for (const f of files) guarded.add(f.uri, f.text, f.edits);
  const outcome = await guarded.apply();
  if (outcome.status !== 'applied') throw new Error(outcome.message);
  return true;
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
