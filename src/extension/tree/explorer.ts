/**
 * The Claimbook view container: Claims, Codebook and Conflicts views over the controller's
 * published validations. Each validation rebuilds the plain trees (cheap, no I/O) and the views
 * refresh only the nodes that changed. Context keys drive the welcome content and title menus.
 */
import * as vscode from 'vscode';
import { describeFilter, labelsOf, type ExploreNode } from '../../core/explore';
import type { TreeNode } from './nodeStore';
import { CODEBOOK_FILE } from '../../core';
import type { ValidationController } from '../controller';
import { registerTable } from '../commands';
import { ClaimsView } from './claimsView';
import { CodebookView } from './codebookView';
import { ConflictsView } from './conflictsView';
import { ExplorerDecorations } from './decorations';
import { ExplorerModel } from './explorerModel';
import { FollowCursor } from './followCursor';
import { explorerCommands } from './treeCommands';
import { QuickInputPrompter, type Prompter } from '../tagging/prompter';

export const VIEW_IDS = { claims: 'claimbook.claims', codebook: 'claimbook.codebook', conflicts: 'claimbook.conflicts' } as const;

/** `noDataset` | `noClaims` | `ready`: which welcome content the empty views show. */
const STATE_KEY = 'claimbook.explorer.state';

export class ClaimExplorer implements vscode.Disposable {
  readonly model: ExplorerModel;
  readonly claims: ClaimsView;
  readonly codebook: CodebookView;
  readonly conflicts: ConflictsView;
  readonly claimsTree: vscode.TreeView<TreeNode<ExploreNode>>;
  readonly conflictsTree: vscode.TreeView<unknown>;
  readonly codebookTree: vscode.TreeView<unknown>;
  readonly followCursor: FollowCursor;
  private readonly refreshed = new vscode.EventEmitter<void>();
  /** Fires after the views took in a validation, grouping or filter change (tests wait on it). */
  readonly onDidRefresh = this.refreshed.event;
  private readonly disposables: vscode.Disposable[] = [];

  /**
   * @param prompter asks the view's questions (Group By, Filter); the tagging commands' prompter,
   * so tests script these answers too.
   */
  constructor(
    readonly controller: ValidationController,
    state: vscode.Memento,
    readonly prompter: () => Prompter = () => new QuickInputPrompter(),
  ) {
    this.model = new ExplorerModel(controller, state);
    this.claims = new ClaimsView(this.model);
    this.codebook = new CodebookView();
    this.conflicts = new ConflictsView();
    this.claimsTree = vscode.window.createTreeView(VIEW_IDS.claims, { treeDataProvider: this.claims, showCollapseAll: true });
    this.conflictsTree = vscode.window.createTreeView(VIEW_IDS.conflicts, { treeDataProvider: this.conflicts });
    this.codebookTree = vscode.window.createTreeView(VIEW_IDS.codebook, { treeDataProvider: this.codebook, showCollapseAll: true });
    this.followCursor = new FollowCursor(controller, this.model, this.claims, this.claimsTree);
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CODEBOOK_FILE}`, false, true, false);
    this.disposables.push(
      this.refreshed,
      this.model,
      this.claims,
      this.codebook,
      this.conflicts,
      this.claimsTree,
      this.followCursor,
      this.codebookTree,
      this.conflictsTree,
      vscode.window.registerFileDecorationProvider(new ExplorerDecorations()),
      controller.onDidValidate(() => this.model.changed()),
      this.model.onDidChange(() => this.refresh()),
      ...registerTable(explorerCommands(this)),
      watcher,
      // A codebook created or deleted changes which datasets exist, even when no validation follows.
      watcher.onDidCreate(() => void this.checkForDatasets()),
      watcher.onDidDelete(() => void this.checkForDatasets()),
    );
    void this.checkForDatasets();
    this.refresh();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private async checkForDatasets(): Promise<void> {
    const found = await this.controller.roots.refresh();
    if (found.length === 0) await vscode.commands.executeCommand('setContext', STATE_KEY, 'noDataset');
    this.refresh();
  }

  private refresh(): void {
    const datasets = this.model.datasets();
    this.claims.refresh(datasets);
    this.codebook.refresh(datasets);
    this.conflicts.refresh(datasets);
    const labels = datasets[0]?.labels ?? labelsOf(undefined);
    this.claimsTree.description = this.model.filtered ? describeFilter(this.model.filter, labels) : undefined;
    // The Conflicts view starts collapsed: its header says whether opening it is worth it.
    const pairs = this.conflicts.nodes().filter((n) => n.data.kind === 'pair').length;
    this.conflictsTree.description = pairs > 0 ? `${pairs} contradicting pair${pairs === 1 ? '' : 's'}` : undefined;
    if (datasets.length > 0) void vscode.commands.executeCommand('setContext', STATE_KEY, datasets.some((d) => d.rows.length > 0) ? 'ready' : 'noClaims');
    void vscode.commands.executeCommand('setContext', 'claimbook.claims.filtered', this.model.filtered);
    void vscode.commands.executeCommand('setContext', 'claimbook.claims.grouping', this.model.grouping);
    this.refreshed.fire();
  }
}
