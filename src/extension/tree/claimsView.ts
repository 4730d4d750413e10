/** The Claims view: claims grouped as the user chose, filtered, with counts on every group. */
import type * as vscode from 'vscode';
import { articleProgress } from '../../core';
import { claimDescription, claimLabel, fileNotices, filterRows, groupClaims, labelsOf, walk, type ClaimRow, type ExploreNode, type GroupNode, type NoticeNode } from '../../core/explore';
import type { DatasetRows, ExplorerModel } from './explorerModel';
import { claimItem, groupItem, noticeItem, REANCHOR_RULES } from './items';
import type { TreeNode } from './nodeStore';
import { StoreView, datasetName } from './view';

export class ClaimsView extends StoreView<ExploreNode> {
  constructor(private readonly model: ExplorerModel) {
    super();
  }

  protected build(datasets: DatasetRows[]): ExploreNode[] {
    const { grouping, filter } = this.model;
    const forests = datasets.map((d, i) => {
      const prefix = datasets.length > 1 ? `${i}:` : '';
      const rows = filterRows(d.rows, filter, d.validation.result.codebook?.model);
      // Files that cannot be read come first: their claims are missing from the groups below.
      const nodes: ExploreNode[] = [...fileNotices(d.validation.result, prefix), ...groupClaims(rows, grouping, d.labels, prefix)];
      return { d, rows, nodes };
    });
    if (forests.length === 1) return forests[0]!.nodes;
    return forests.map(({ d, rows, nodes }): GroupNode => ({
      kind: 'group',
      id: `dataset=${d.root.toString()}`,
      dimension: 'dataset',
      key: d.root.toString(),
      label: datasetName(d.root),
      count: rows.length,
      problems: nodes.reduce((n, g) => n + (g.kind === 'group' ? g.problems : 0), 0),
      children: nodes,
    }));
  }

  protected override rootOfTop(top: ExploreNode): vscode.Uri | undefined {
    return top.kind === 'group' && top.dimension === 'dataset' ? this.datasets.get(top.key)?.root : undefined;
  }

  protected signature(n: ExploreNode): string {
    if (n.kind === 'group') return JSON.stringify([n.label, n.count, n.problems, n.detail, this.coverage(n)]);
    if (n.kind === 'notice') return JSON.stringify([n.label, n.message, n.start]);
    const r = n.row;
    // Names from the codebook are not in here: a codebook change refreshes the whole view (StoreView).
    return JSON.stringify([claimLabel(r), r.actor, r.commitment, r.stance, r.condition, r.annotator, r.anchor, r.badges, r.findings.map((f) => [f.rule, f.message, REANCHOR_RULES.has(f.rule) && (f.fixes?.length ?? 0) > 0]), this.model.grouping]);
  }

  getTreeItem(node: TreeNode<ExploreNode>): vscode.TreeItem {
    const labels = this.labelsOf(node.root) ?? labelsOf(undefined);
    if (node.data.kind === 'claim') return claimItem(node as TreeNode<typeof node.data>, this.model.grouping, labels);
    if (node.data.kind === 'notice') return noticeItem(node as TreeNode<NoticeNode>);
    const cb = this.datasets.get(node.root.toString())?.validation.result.codebook?.model;
    const item = groupItem(node as TreeNode<GroupNode>, (id) => cb?.actors.get(id)?.type);
    const coverage = this.coverage(node.data, node.root);
    if (coverage !== undefined) item.description = `${String(item.description)} · ${coverage} % covered`;
    return item;
  }

  /** An article group's coverage in whole percent, as `claimbook stats` counts it (the article's progress). */
  private coverage(n: GroupNode, root?: vscode.Uri): number | undefined {
    if (n.dimension !== 'article') return undefined;
    const d = root ? this.datasets.get(root.toString()) : this.datasets.size === 1 ? [...this.datasets.values()][0] : undefined;
    return d ? Math.round(articleProgress(d.validation.result, n.key).coverage * 100) : undefined;
  }

  /** The claim's node in the current tree, if the filter lets it through. */
  claimNode(root: vscode.Uri, rowKey: string): TreeNode<ExploreNode> | undefined {
    for (const n of this.store.all()) if (n.data.kind === 'claim' && n.data.row.key === rowKey && n.root.toString() === root.toString()) return n;
    return undefined;
  }

  /** Claim nodes now in the tree, depth first (for tests). */
  claimRows(): ClaimRow[] {
    return [...walk(this.store.roots)].flatMap((n) => (n.data.kind === 'claim' ? [n.data.row] : []));
  }

  describe(node: TreeNode<ExploreNode>): string {
    return node.data.kind === 'claim' ? claimDescription(node.data.row, this.model.grouping, this.labelsOf(node.root) ?? labelsOf(undefined)) : node.data.label;
  }
}
