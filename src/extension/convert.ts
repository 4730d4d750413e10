/**
 * The one place where core data becomes VS Code data (STYLE §5): offsets ↔ Range, Finding →
 * Diagnostic with source, a code linking to the rule's documentation, and related information.
 */
import * as vscode from 'vscode';
import { LineMap, type Finding, type Severity, type TextEdit } from '../core';
import { uriOf } from './datasets';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Line maps of the texts one validation saw, built lazily and shared by all its findings. */
export class Positions {
  private readonly maps = new Map<string, LineMap>();

  constructor(private readonly texts: ReadonlyMap<string, string>) {}

  range(path: string, start: number, end: number): vscode.Range {
    const m = this.map(path);
    const s = m.position(start);
    const e = m.position(end);
    return new vscode.Range(s.line, s.character, e.line, e.character);
  }

  private map(path: string): LineMap {
    let m = this.maps.get(path);
    if (!m) this.maps.set(path, (m = LineMap.of(this.texts.get(path) ?? '')));
    return m;
  }
}

export function toDiagnostic(f: Finding, root: vscode.Uri, positions: Positions, docs: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(positions.range(f.file, f.start, f.end), f.message, SEVERITY[f.severity]);
  d.source = 'claimbook';
  d.code = { value: f.rule, target: docs.with({ fragment: f.rule }) };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uriOf(root, r.file), positions.range(r.file, r.start, r.end)), r.message));
  }
  return d;
}

/** Core offset edits → a WorkspaceEdit on one file, positioned in the text they were computed on. */
export function addEdits(edit: vscode.WorkspaceEdit, uri: vscode.Uri, text: string, edits: readonly TextEdit[]): void {
  const m = LineMap.of(text);
  for (const e of edits) {
    const s = m.position(e.start);
    const t = m.position(e.end);
    edit.replace(uri, new vscode.Range(s.line, s.character, t.line, t.character), e.newText);
  }
}
