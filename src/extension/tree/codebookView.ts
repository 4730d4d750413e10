/** The Codebook view: actors by type, commitments as their hierarchy, stances, with claim counts. */
import type * as vscode from 'vscode';
import { CODEBOOK_FILE } from '../../core';
import { codebookBroken, codebookTree, fileNotices, type CodebookNode, type NoticeNode } from '../../core/explore';
import type { DatasetRows } from './explorerModel';
import { codebookItem, noticeItem } from './items';
import type { TreeNode } from './nodeStore';
import { StoreView, datasetName } from './view';

/** While the codebook cannot be read, the view says so instead of showing entries with no counts. */
export type CodebookViewNode = CodebookNode | NoticeNode;

export class CodebookView extends StoreView<CodebookViewNode> {
  protected build(datasets: DatasetRows[]): CodebookViewNode[] {
    const trees = datasets.map((d, i) => {
      const prefix = datasets.length > 1 ? `${i}:` : '';
      const result = d.validation.result;
      const nodes: CodebookViewNode[] = codebookBroken(result) || !result.codebook
        ? fileNotices(result, prefix).filter((n) => n.file === CODEBOOK_FILE)
        : codebookTree(result.codebook.model, d.rows, prefix);
      return { d, nodes };
    });
    if (trees.length === 1) return trees[0]!.nodes;
    return trees.map(({ d, nodes }): CodebookViewNode => ({
      kind: 'section',
      id: `dataset=${d.root.toString()}`,
      key: d.root.toString(),
      label: datasetName(d.root),
      count: d.rows.length,
      total: d.rows.length,
      unused: false,
      yamlPath: [],
      // A notice stands where the entries would; items are built by kind, so it may sit here.
      children: nodes as CodebookNode[],
    }));
  }

  protected override rootOfTop(top: CodebookViewNode): vscode.Uri | undefined {
    return top.kind === 'notice' ? undefined : this.datasets.get(top.key)?.root;
  }

  protected signature(n: CodebookViewNode): string {
    if (n.kind === 'notice') return JSON.stringify([n.label, n.message, n.start]);
    return JSON.stringify([n.label, n.count, n.total, n.unused]);
  }

  getTreeItem(node: TreeNode<CodebookViewNode>): vscode.TreeItem {
    if (node.data.kind === 'notice') return noticeItem(node as TreeNode<NoticeNode>);
    return codebookItem(node as TreeNode<CodebookNode>);
  }

  /** The node of a codebook entry (`actor`, `commitment`, `stance`) by id, in the dataset at `root` (or the only one). */
  entry(kind: 'actor' | 'commitment' | 'stance', id: string, root?: vscode.Uri): TreeNode<CodebookNode> | undefined {
    return this.nodes().find((n): n is TreeNode<CodebookNode> => n.data.kind === kind && n.data.key === id && (!root || n.root.toString() === root.toString()));
  }
}
