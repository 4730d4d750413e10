/**
 * Follow the editor (`claimbook.explorer.followCursor`): with the cursor on a claim's span in
 * an article, or inside a claim in a sidecar, the Claims view selects that claim. Only while the
 * view is visible: revealing would otherwise open it.
 */
import * as vscode from 'vscode';
import { nodeRange } from '../../core';
import type { ExploreNode } from '../../core/explore';
import type { TreeNode } from './nodeStore';
import { claimsAt } from '../claimsAt';
import type { ValidationController } from '../controller';
import type { ClaimsView } from './claimsView';
import type { ExplorerModel } from './explorerModel';

/** Cursor moves come in bursts (typing, dragging); follow the last one only. */
const DELAY_MS = 150;

export class FollowCursor implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly controller: ValidationController,
    private readonly model: ExplorerModel,
    private readonly view: ClaimsView,
    private readonly treeView: vscode.TreeView<TreeNode<ExploreNode>>,
  ) {
    this.disposables = [
      vscode.window.onDidChangeTextEditorSelection((e) => this.schedule(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.schedule(e)),
    ];
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private schedule(editor: vscode.TextEditor): void {
    // A window-scoped setting: asking for it with a resource makes VS Code log a warning per call.
    if (!vscode.workspace.getConfiguration('claimbook').get<boolean>('explorer.followCursor', false)) return;
    if (!this.treeView.visible) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.follow(editor), DELAY_MS);
  }

  /** Reveals the claim under the editor's cursor; resolves with it (undefined when there is none). */
  async follow(editor: vscode.TextEditor): Promise<ExploreNode | undefined> {
    const v = this.controller.validationFor(editor.document.uri);
    if (!v || v.result.texts.get(v.located.path) !== editor.document.getText()) return undefined;
    const offset = editor.document.offsetAt(editor.selection.active);
    let sidecarPath: string | undefined;
    let index: number | undefined;
    const inArticle = claimsAt(v, v.located.path, offset)[0];
    if (inArticle) {
      sidecarPath = inArticle.ctx.sidecar.path;
      index = inArticle.c.claim.index;
    } else {
      const ctx = v.result.sidecars.find((s) => s.sidecar.path === v.located.path);
      const claims = ctx?.sidecar.model.claims ?? [];
      const hit = ctx ? claims.find((c) => {
        const r = nodeRange(ctx.sidecar.parsed, ['claims', c.index], 'value');
        return r.exact && r.start <= offset && offset <= r.end;
      }) : undefined;
      sidecarPath = hit ? ctx?.sidecar.path : undefined;
      index = hit?.index;
    }
    const row = this.model.dataset(v.root)?.rows.find((r) => r.sidecarPath === sidecarPath && r.index === index);
    const node = row ? this.view.claimNode(v.root, row.key) : undefined;
    if (!node) return undefined;
    await this.treeView.reveal(node, { select: true, focus: false, expand: true });
    return node.data;
  }
}
