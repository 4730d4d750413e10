/** The Conflicts view: contradicting pairs of claims, each openable side by side. */
import * as vscode from 'vscode';
import { CODEBOOK_FILE } from '../../core';
import { codebookBroken, conflictPairs, fileNotices, labelsOf, type ClaimNode, type ConflictPair, type NoticeNode } from '../../core/explore';
import type { DatasetRows } from './explorerModel';
import { claimItem, conflictItem, noticeItem } from './items';
import type { TreeNode } from './nodeStore';
import { StoreView, datasetName } from './view';

export interface PairNode {
  kind: 'pair';
  id: string;
  pair: ConflictPair;
  children: ClaimNode[];
}

export interface DatasetNode {
  kind: 'dataset';
  id: string;
  key: string;
  label: string;
  children: Array<PairNode | NoticeNode>;
}

export type ConflictNode = DatasetNode | PairNode | ClaimNode | NoticeNode;

export class ConflictsView extends StoreView<ConflictNode> {
  protected build(datasets: DatasetRows[]): ConflictNode[] {
    const forests = datasets.map((d, i) => {
      const prefix = datasets.length > 1 ? `${i}:` : '';
      // Contradictions are declared in the codebook: without it, "no contradictions" would be a guess.
      if (codebookBroken(d.validation.result)) return { d, pairs: fileNotices(d.validation.result, prefix).filter((n) => n.file === CODEBOOK_FILE) };
      const pairs: Array<PairNode | NoticeNode> = conflictPairs(d.rows, d.validation.result.codebook?.model).map((pair): PairNode => ({
        kind: 'pair',
        id: `${prefix}${pair.id}`,
        pair,
        children: [pair.a, pair.b].map((row, j): ClaimNode => ({ kind: 'claim', id: `${prefix}${pair.id}/${j}`, row })),
      }));
      return { d, pairs };
    });
    if (forests.length === 1) return forests[0]!.pairs;
    return forests.filter((f) => f.pairs.length > 0).map(({ d, pairs }): DatasetNode => ({ kind: 'dataset', id: `dataset=${d.root.toString()}`, key: d.root.toString(), label: datasetName(d.root), children: pairs }));
  }

  protected override rootOfTop(top: ConflictNode): vscode.Uri | undefined {
    return top.kind === 'dataset' ? this.datasets.get(top.key)?.root : undefined;
  }

  protected signature(n: ConflictNode): string {
    if (n.kind === 'dataset') return n.label;
    if (n.kind === 'notice') return JSON.stringify([n.label, n.message, n.start]);
    if (n.kind === 'pair') return JSON.stringify([n.pair.a.stance, n.pair.b.stance, n.pair.sameArticle]);
    return JSON.stringify([n.row.quote, n.row.stance, n.row.badges, n.row.articlePath]);
  }

  getTreeItem(node: TreeNode<ConflictNode>): vscode.TreeItem {
    const labels = this.labelsOf(node.root) ?? labelsOf(undefined);
    const d = node.data;
    if (d.kind === 'claim') return claimItem(node as TreeNode<ClaimNode>, 'conflict', labels);
    if (d.kind === 'notice') return noticeItem(node as TreeNode<NoticeNode>);
    if (d.kind === 'pair') return conflictItem(node as TreeNode<PairNode>, labels);
    const item = new vscode.TreeItem(d.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon('database');
    return item;
  }
}
