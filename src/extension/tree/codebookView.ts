/** The Codebook view: actors by type, commitments as their hierarchy, stances, with claim counts. */
import type * as vscode from 'vscode';
import { codebookTree, type CodebookNode } from '../../core/explore';
import type { DatasetRows } from './explorerModel';
import { codebookItem } from './items';
import type { TreeNode } from './nodeStore';
import { StoreView, datasetName } from './view';

export class CodebookView extends StoreView<CodebookNode> {
  protected build(datasets: DatasetRows[]): CodebookNode[] {
    const withCodebook = datasets.filter((d) => d.validation.result.codebook);
    const trees = withCodebook.map((d, i) => ({ d, nodes: codebookTree(d.validation.result.codebook!.model, d.rows, withCodebook.length > 1 ? `${i}:` : '') }));
    if (trees.length === 1) return trees[0]!.nodes;
    return trees.map(({ d, nodes }): CodebookNode => ({
      kind: 'section',
      id: `dataset=${d.root.toString()}`,
      key: d.root.toString(),
      label: datasetName(d.root),
      count: d.rows.length,
      total: d.rows.length,
      unused: false,
      yamlPath: [],
      children: nodes,
    }));
  }

  protected override rootOfTop(top: CodebookNode): vscode.Uri | undefined {
    return this.datasets.get(top.key)?.root;
  }

  protected signature(n: CodebookNode): string {
    return JSON.stringify([n.label, n.count, n.total, n.unused]);
  }

  getTreeItem(node: TreeNode<CodebookNode>): vscode.TreeItem {
    return codebookItem(node);
  }

  /** The node of a codebook entry (`actor`, `commitment`, `stance`) by id, in the dataset at `root` (or the only one). */
  entry(kind: 'actor' | 'commitment' | 'stance', id: string, root?: vscode.Uri): TreeNode<CodebookNode> | undefined {
    return this.nodes().find((n) => n.data.kind === kind && n.data.key === id && (!root || n.root.toString() === root.toString()));
  }
}
