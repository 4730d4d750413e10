/** What the three tree providers share: a node store, minimal change events, parents for reveal. */
import * as vscode from 'vscode';
import type { DatasetRows } from './explorerModel';
import { NodeStore, type TreeNode } from './nodeStore';

export abstract class StoreView<D extends { id: string }> implements vscode.TreeDataProvider<TreeNode<D>>, vscode.Disposable {
  protected readonly store: NodeStore<D>;
  private readonly emitter = new vscode.EventEmitter<TreeNode<D> | TreeNode<D>[] | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** The datasets of the last refresh, by root: what items read labels from. */
  protected datasets = new Map<string, DatasetRows>();
  private codebooks: unknown[] = [];

  constructor() {
    this.store = new NodeStore<D>((d) => this.signature(d));
  }

  dispose(): void {
    this.emitter.dispose();
  }

  /** The plain forest for these datasets, and which dataset a top-level node belongs to. */
  protected abstract build(datasets: DatasetRows[]): D[];
  /** Everything the node's item shows: a change here refreshes the node. */
  protected abstract signature(data: D): string;
  abstract getTreeItem(node: TreeNode<D>): vscode.TreeItem;

  /** Rebuilds from the model and reports only what changed. */
  refresh(datasets: DatasetRows[]): void {
    // Items show names from the codebook: when it changed, every item may read differently.
    const codebooks = datasets.map((d) => d.validation.result.codebook);
    const renamed = codebooks.length !== this.codebooks.length || codebooks.some((c, i) => c !== this.codebooks[i]);
    this.codebooks = codebooks;
    this.datasets = new Map(datasets.map((d) => [d.root.toString(), d]));
    const plain = this.build(datasets);
    const only = datasets.length === 1 ? datasets[0] : undefined;
    const { root, changed } = this.store.update(plain, (top) => only?.root ?? this.rootOfTop(top) ?? datasets[0]!.root);
    if (root || renamed) this.emitter.fire(undefined);
    else if (changed.length > 0) this.emitter.fire(changed);
  }

  /** With several datasets, top-level nodes are the datasets; subclasses say which. */
  protected rootOfTop(_top: D): vscode.Uri | undefined {
    return undefined;
  }

  getChildren(node?: TreeNode<D>): TreeNode<D>[] {
    return node ? node.children : this.store.roots;
  }

  getParent(node: TreeNode<D>): TreeNode<D> | undefined {
    return node.parent;
  }

  /** The current top-level nodes (for tests and commands). */
  roots(): TreeNode<D>[] {
    return this.store.roots;
  }

  node(id: string): TreeNode<D> | undefined {
    return this.store.get(id);
  }

  nodes(): TreeNode<D>[] {
    return [...this.store.all()];
  }

  protected labelsOf(root: vscode.Uri): DatasetRows['labels'] | undefined {
    return this.datasets.get(root.toString())?.labels;
  }
}

/** `file:///w/samples` → `samples`: how a dataset is named when there are several. */
export function datasetName(root: vscode.Uri): string {
  const parts = root.path.split('/').filter(Boolean);
  return parts[parts.length - 1] ?? root.toString();
}
