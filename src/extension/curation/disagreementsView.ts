/** The Disagreements view: articles → disagreements, with a legend and the summary as its description. */
import * as vscode from 'vscode';
import { comparisonRows, summaryOf, type ArticleRow, type DisagreementRow, type Names } from '../../core/curation';
import type { Codebook } from '../../core';
import { COMMANDS } from '../commandIds';
import type { CurationSession } from './session';

export type DisagreementNode = { kind: 'article'; row: ArticleRow } | { kind: 'disagreement'; row: DisagreementRow; parent: ArticleRow };

export const LEGEND = '▬ mine  ┅ theirs';

export class DisagreementsView implements vscode.TreeDataProvider<DisagreementNode> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private rows: ArticleRow[] = [];
  private readonly nodes = new Map<string, DisagreementNode>();
  private readonly articleNodes = new Map<string, DisagreementNode>();

  refresh(session: CurationSession | undefined, codebook: Codebook | undefined): void {
    this.rows = session?.comparison ? comparisonRows(session.comparison, namesOf(codebook)) : [];
    this.nodes.clear();
    this.articleNodes.clear();
    for (const row of this.rows) {
      this.articleNodes.set(row.key, { kind: 'article', row });
      for (const child of row.children) this.nodes.set(child.key, { kind: 'disagreement', row: child, parent: row });
    }
    this.emitter.fire();
  }

  /** The view's description: the legend, what is compared and the summary. */
  static description(session: CurationSession | undefined): string | undefined {
    if (!session) return undefined;
    if (!session.comparison) return session.problem ? `${session.source.title}: ${session.problem}` : `${session.source.title}: comparing…`;
    return `${LEGEND} (${session.source.label}) · ${summaryOf(session.comparison)}`;
  }

  /** Disagreements in view order. */
  disagreements(): Array<Extract<DisagreementNode, { kind: 'disagreement' }>> {
    return [...this.nodes.values()].filter((n): n is Extract<DisagreementNode, { kind: 'disagreement' }> => n.kind === 'disagreement');
  }

  node(key: string): DisagreementNode | undefined {
    return this.nodes.get(key) ?? this.articleNodes.get(key);
  }

  getChildren(node?: DisagreementNode): DisagreementNode[] {
    if (!node) return this.rows.map((r) => this.articleNodes.get(r.key) as DisagreementNode);
    if (node.kind === 'article') return node.row.children.map((c) => this.nodes.get(c.key) as DisagreementNode);
    return [];
  }

  getParent(node: DisagreementNode): DisagreementNode | undefined {
    return node.kind === 'disagreement' ? this.articleNodes.get(node.parent.key) : undefined;
  }

  getTreeItem(node: DisagreementNode): vscode.TreeItem {
    if (node.kind === 'article') {
      const item = new vscode.TreeItem(node.row.label, this.rows.length > 50 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = `article:${node.row.key}`;
      item.description = node.row.description;
      item.tooltip = `${node.row.article.article}: ${node.row.children.length} disagreements (${node.row.article.mine} claims mine, ${node.row.article.theirs} theirs)`;
      item.iconPath = vscode.ThemeIcon.File;
      item.resourceUri = vscode.Uri.file(`/${node.row.key}`);
      item.contextValue = 'curationArticle';
      return item;
    }
    const d = node.row.d;
    const item = new vscode.TreeItem(node.row.label, vscode.TreeItemCollapsibleState.None);
    item.id = `disagreement:${d.key}`;
    item.description = node.row.description;
    item.iconPath = new vscode.ThemeIcon(d.kind === 'only-mine' ? 'arrow-left' : d.kind === 'only-theirs' ? 'arrow-right' : d.kind === 'span' ? 'whitespace' : 'diff');
    item.tooltip = tooltipOf(node.row);
    item.contextValue = `disagreement${d.mine ? '.mine' : ''}${d.theirs ? '.theirs' : ''}`;
    item.command = { command: COMMANDS.showDisagreement, title: 'Show Disagreement', arguments: [d.key] };
    return item;
  }
}

function tooltipOf(row: DisagreementRow): vscode.MarkdownString {
  const d = row.d;
  const side = (name: string, p: typeof d.mine) =>
    p ? `**${name}** \`${p.claim.id ?? '?'}\`: ${p.claim.actor ?? '?'} · ${p.claim.stance ?? '?'} · ${p.claim.commitment ?? '?'} (${p.start}–${p.end})` : `**${name}**: —`;
  return new vscode.MarkdownString([row.label, '', side('Mine', d.mine), '', side('Theirs', d.theirs)].join('\n'));
}

export function namesOf(codebook: Codebook | undefined): Names {
  return {
    actor: (id) => codebook?.actors.get(id)?.name,
    commitment: (id) => codebook?.commitments.get(id)?.label,
    stance: (id) => codebook?.stances.get(id)?.label,
  };
}
