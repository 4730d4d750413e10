/**
 * Tree nodes that keep their identity across rebuilds. VS Code knows tree elements by object,
 * so after each validation the same node objects are reused (their data replaced) and only the
 * nodes whose look or children changed are reported (core `treeChanges`).
 */
import type * as vscode from 'vscode';
import { treeChanges } from '../../core/explore';

export class TreeNode<D extends { id: string }> {
  children: TreeNode<D>[] = [];
  parent: TreeNode<D> | undefined;

  constructor(
    readonly id: string,
    public data: D,
    /** The dataset root the node belongs to. */
    public root: vscode.Uri,
  ) {}
}

export interface StoreChanges<D extends { id: string }> {
  root: boolean;
  changed: TreeNode<D>[];
}

export class NodeStore<D extends { id: string }> {
  private byId = new Map<string, TreeNode<D>>();
  private plain: D[] = [];
  roots: TreeNode<D>[] = [];

  constructor(private readonly signature: (data: D) => string) {}

  get(id: string): TreeNode<D> | undefined {
    return this.byId.get(id);
  }

  all(): IterableIterator<TreeNode<D>> {
    return this.byId.values();
  }

  /** Replaces the forest; `rootOf` tells which dataset a top-level node belongs to. */
  update(next: D[], rootOf: (top: D) => vscode.Uri): StoreChanges<D> {
    const changes = treeChanges(this.plain, next, this.signature);
    const changed = changes.changed.flatMap((id) => this.byId.get(id) ?? []);
    const fresh = new Map<string, TreeNode<D>>();
    const build = (data: D, parent: TreeNode<D> | undefined, root: vscode.Uri): TreeNode<D> => {
      const node = this.byId.get(data.id) ?? new TreeNode(data.id, data, root);
      node.data = data;
      node.root = root;
      node.parent = parent;
      fresh.set(data.id, node);
      node.children = childrenOf(data).map((c) => build(c, node, root));
      return node;
    };
    this.roots = next.map((d) => build(d, undefined, rootOf(d)));
    this.byId = fresh;
    this.plain = next;
    return { root: changes.root, changed };
  }
}

function childrenOf<D>(data: D): D[] {
  const c = (data as { children?: D[] }).children;
  return Array.isArray(c) ? c : [];
}
