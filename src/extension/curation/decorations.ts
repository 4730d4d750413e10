/**
 * Both sources' spans of the disagreements in the article: mine underlined solid, theirs boxed
 * dashed (the legend in the view's description), and a hover listing the two claims side by side.
 */
import * as vscode from 'vscode';
import type { Codebook, TextIndex } from '../../core';
import { labelOf, type Disagreement, type PlacedClaim } from '../../core/curation';
import type { ValidationController } from '../controller';
import { namesOf } from './disagreementsView';

export interface CurationState {
  /** Disagreements of an article (dataset-relative path), and my copy's text index. */
  articleOf(uri: vscode.Uri): { disagreements: Disagreement[]; index: TextIndex; codebook: Codebook | undefined; source: string } | undefined;
}

export class CurationDecorations implements vscode.Disposable {
  readonly mine = vscode.window.createTextEditorDecorationType({
    borderStyle: 'none none solid none',
    borderWidth: '0 0 2px 0',
    borderColor: new vscode.ThemeColor('claimbook.curation.mine'),
    overviewRulerColor: new vscode.ThemeColor('claimbook.curation.mine'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  readonly theirs = vscode.window.createTextEditorDecorationType({
    border: '1px dashed',
    borderColor: new vscode.ThemeColor('claimbook.curation.theirs'),
    overviewRulerColor: new vscode.ThemeColor('claimbook.curation.theirs'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  private readonly disposables: vscode.Disposable[] = [this.mine, this.theirs];

  constructor(private readonly state: CurationState, controller: ValidationController) {
    this.disposables.push(vscode.window.onDidChangeVisibleTextEditors(() => this.render()), controller.onDidValidate(() => this.render()));
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  render(): void {
    for (const editor of vscode.window.visibleTextEditors) this.renderEditor(editor);
  }

  /** The ranges drawn in an editor (for tests): mine and theirs. */
  rangesFor(doc: vscode.TextDocument): { mine: vscode.Range[]; theirs: vscode.Range[] } | undefined {
    const a = this.state.articleOf(doc.uri);
    // Offsets are only valid against the text compared: skip a stale editor until the next run.
    if (!a || a.index.raw !== doc.getText()) return undefined;
    const range = (p: PlacedClaim) => new vscode.Range(doc.positionAt(a.index.cpToRaw(p.start)), doc.positionAt(a.index.cpToRaw(p.end)));
    return {
      mine: a.disagreements.flatMap((d) => (d.mine ? [range(d.mine)] : [])),
      theirs: a.disagreements.flatMap((d) => (d.theirs && d.theirs.found !== false ? [range(d.theirs)] : [])),
    };
  }

  private renderEditor(editor: vscode.TextEditor): void {
    const r = this.rangesFor(editor.document);
    if (!r && this.state.articleOf(editor.document.uri)) return;
    editor.setDecorations(this.mine, r?.mine ?? []);
    editor.setDecorations(this.theirs, r?.theirs ?? []);
  }
}

export class CurationHover implements vscode.HoverProvider {
  constructor(private readonly state: CurationState) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const a = this.state.articleOf(doc.uri);
    if (!a || a.index.raw !== doc.getText()) return undefined;
    const cp = a.index.rawToCp(doc.offsetAt(position));
    const here = a.disagreements.filter((d) => d.start <= cp && cp <= d.end);
    if (here.length === 0) return undefined;
    const md = new vscode.MarkdownString(here.map((d) => sideBySide(d, a.codebook, a.source)).join('\n\n---\n\n'));
    const first = here[0] as Disagreement;
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(a.index.cpToRaw(first.start)), doc.positionAt(a.index.cpToRaw(first.end))));
  }
}

/** A markdown table: one row per key, mine and theirs in two columns, differences in bold. */
export function sideBySide(d: Disagreement, codebook: Codebook | undefined, source: string): string {
  const names = namesOf(codebook);
  const cell = (p: PlacedClaim | undefined, key: string): string => {
    if (!p) return '—';
    const c = p.claim;
    switch (key) {
      case 'id':
        return c.id ?? '?';
      case 'actor':
        return c.actor ? (names.actor(c.actor) ?? c.actor) : '—';
      case 'commitment':
        return c.commitment ? (names.commitment(c.commitment) ?? c.commitment) : '—';
      case 'stance':
        return c.stance ? (names.stance(c.stance) ?? c.stance) : '—';
      case 'condition':
        return c.condition ?? '—';
      case 'fields':
        return [...c.fields].map(([k, v]) => `${k}: ${String(v)}`).join(', ') || '—';
      case 'span':
        return `${p.start}–${p.end}${p.found === false ? ' (not found here)' : ''}`;
      case 'quote':
        return c.quote?.exact ?? '—';
      default:
        return c.annotator ?? '—';
    }
  };
  const rows = ['id', 'actor', 'commitment', 'stance', 'condition', 'fields', 'span', 'annotator', 'quote'].map((key) => {
    const differs = (d.differs as string[]).includes(key);
    const m = esc(cell(d.mine, key));
    const t = esc(cell(d.theirs, key));
    return `| ${key} | ${differs ? `**${m}**` : m} | ${differs ? `**${t}**` : t} |`;
  });
  return [`**${esc(labelOf(d, names))}**`, '', `| | Mine | Theirs (${esc(source)}) |`, '|---|---|---|', ...rows].join('\n');
}

function esc(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!|<>]/g, '\\$&').replace(/\s+/g, ' ');
}
