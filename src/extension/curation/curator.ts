/**
 * Review and curation: Compare Annotations… opens a comparison of my dataset with a folder, a
 * git revision or another annotator; the Disagreements view, the two-source decorations, the
 * hover and a status bar item follow it; each decision is one undoable edit of my sidecar.
 */
import * as vscode from 'vscode';
import { sidecarPathFor } from '../../core/edit';
import { curate, summaryOf, type CurationAction, type Disagreement } from '../../core/curation';
import { trimChange } from '../../core';
import { COMMANDS } from '../commandIds';
import type { ValidationController } from '../controller';
import { uriOf } from '../datasets';
import { GuardedEdit } from '../guardedEdit';
import { readSettings } from '../settings';
import { CurationDecorations, CurationHover, type CurationState } from './decorations';
import { DisagreementsView, type DisagreementNode } from './disagreementsView';
import { gitLocation, gitRefs, resolveRevision } from './gitHost';
import { AnnotatorSource, FolderSource, GitSource, type CompareSource } from './sources';
import { CurationSession } from './session';

export const UNTRUSTED_GIT = 'comparing with a git branch or commit runs git, which Claimbook never does in an untrusted workspace (git would run the repository\'s hooks and configuration). Trust the workspace to use it; folders and annotators can be compared now.';

/** What Compare Annotations… may be given instead of asking (tests, keybindings). */
export type CompareRequest = { kind: 'folder'; path: string } | { kind: 'git'; rev: string } | { kind: 'annotator'; mine?: string; theirs: string };

export type ActionOutcome = { done: true; summary: string; wrote: boolean } | { done: false; reason: string };

export class Curator implements vscode.Disposable, CurationState {
  session: CurationSession | undefined;
  readonly view = new DisagreementsView();
  readonly tree: vscode.TreeView<DisagreementNode>;
  readonly decorations: CurationDecorations;
  readonly status = vscode.window.createStatusBarItem('claimbook.curation', vscode.StatusBarAlignment.Left, 9);
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires after the view, decorations and status bar show a new comparison. */
  readonly onDidUpdate = this.emitter.event;
  private current: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly controller: ValidationController) {
    this.tree = vscode.window.createTreeView('claimbook.disagreements', { treeDataProvider: this.view, showCollapseAll: true });
    this.decorations = new CurationDecorations(this, controller);
    this.status.name = 'Claimbook Disagreements';
    this.status.command = 'claimbook.disagreements.focus';
    const articles: vscode.DocumentSelector = [{ scheme: 'file', pattern: '**/*.{txt,md}' }, { scheme: 'vscode-remote', pattern: '**/*.{txt,md}' }];
    this.disposables.push(
      this.tree,
      this.decorations,
      this.status,
      this.emitter,
      vscode.languages.registerHoverProvider(articles, new CurationHover(this)),
      this.tree.onDidChangeSelection((e) => {
        const n = e.selection[0];
        if (n?.kind === 'disagreement') this.current = n.row.key;
      }),
    );
    void vscode.commands.executeCommand('setContext', 'claimbook.comparing', false);
  }

  dispose(): void {
    this.session?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  commands(): Record<string, (...args: unknown[]) => unknown> {
    return {
      [COMMANDS.compareAnnotations]: (request) => this.compare(request as CompareRequest | undefined),
      [COMMANDS.stopComparing]: () => this.stop(),
      [COMMANDS.refreshComparison]: () => this.session?.refresh(),
      [COMMANDS.showDisagreement]: (key) => this.show(keyOf(key) ?? this.current),
      [COMMANDS.acceptMine]: (key) => this.act('acceptMine', keyOf(key)),
      [COMMANDS.acceptTheirs]: (key) => this.act('acceptTheirs', keyOf(key)),
      [COMMANDS.acceptBoth]: (key) => this.act('acceptBoth', keyOf(key)),
      [COMMANDS.rejectBoth]: (key) => this.act('rejectBoth', keyOf(key)),
      [COMMANDS.nextDisagreement]: () => this.step(1),
      [COMMANDS.previousDisagreement]: () => this.step(-1),
    };
  }

  // ---- CurationState (decorations, hover)
  articleOf(uri: vscode.Uri): ReturnType<CurationState['articleOf']> {
    const s = this.session;
    const located = this.controller.roots.locate(uri);
    if (!s?.comparison || !located || located.root.toString() !== s.root.toString()) return undefined;
    const v = this.controller.validationFor(uri);
    const index = v?.result.articles.find((a) => a.path === located.path)?.index;
    if (!v || !index) return undefined;
    const a = s.comparison.articles.find((x) => x.article === located.path);
    return { disagreements: a?.disagreements ?? [], index, codebook: v.result.codebook?.model, source: s.source.label };
  }

  // ---- Starting and stopping
  async compare(request?: CompareRequest): Promise<string | undefined> {
    const root = await this.pickRoot();
    if (!root) return undefined;
    const source = request ? await this.sourceFor(root, request) : await this.askSource(root);
    if (typeof source === 'string') {
      void vscode.window.showWarningMessage(`Claimbook: ${source}`);
      return source;
    }
    if (!source) return undefined;
    this.session?.dispose();
    this.current = undefined;
    const session = new CurationSession(this.controller, root, source);
    this.session = session;
    session.onDidChange(() => this.render());
    await vscode.commands.executeCommand('setContext', 'claimbook.comparing', true);
    await session.update();
    return undefined;
  }

  async stop(): Promise<void> {
    this.session?.dispose();
    this.session = undefined;
    this.current = undefined;
    await vscode.commands.executeCommand('setContext', 'claimbook.comparing', false);
    this.render();
  }

  private render(): void {
    const s = this.session;
    const codebook = s ? this.controller.validations().find((v) => v.root.toString() === s.root.toString())?.result.codebook?.model : undefined;
    this.view.refresh(s, codebook);
    this.tree.description = DisagreementsView.description(s);
    this.tree.message = s && !s.comparison && s.problem ? s.problem : s?.comparison?.disagreements === 0 ? `No disagreements with ${s.source.title}.` : undefined;
    if (s?.comparison) {
      this.status.text = `$(diff) ${summaryOf(s.comparison)}`;
      this.status.tooltip = `Claimbook: comparing with ${s.source.title}. Click to show the disagreements.`;
      this.status.show();
    } else this.status.hide();
    this.decorations.render();
    this.emitter.fire();
  }

  private async pickRoot(): Promise<vscode.Uri | undefined> {
    const roots = this.controller.roots.all();
    const active = vscode.window.activeTextEditor?.document.uri;
    const located = active ? this.controller.roots.locate(active) : undefined;
    if (located) return located.root;
    if (roots.length <= 1) return roots[0];
    const picked = await vscode.window.showQuickPick(roots.map((r) => ({ label: r.path.split('/').pop() ?? r.toString(), description: r.fsPath, root: r })), { title: 'Compare which dataset?' });
    return picked?.root;
  }

  private async askSource(root: vscode.Uri): Promise<CompareSource | string | undefined> {
    const trusted = vscode.workspace.isTrusted;
    const kinds = [
      { label: '$(folder) Another dataset folder…', source: 'folder' as const },
      { label: '$(git-branch) A git branch or commit of this repository…', source: 'git' as const, description: trusted ? undefined : 'unavailable: the workspace is not trusted' },
      { label: '$(person) Another annotator in this dataset…', source: 'annotator' as const },
    ];
    const kind = await vscode.window.showQuickPick(kinds, { title: 'Compare Annotations with…' });
    if (!kind) return undefined;
    if (kind.source === 'folder') {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, title: 'The dataset folder to compare with (holding a claimbook.yaml)', openLabel: 'Compare' });
      return picked?.[0] ? this.sourceFor(root, { kind: 'folder', path: picked[0].fsPath }) : undefined;
    }
    if (kind.source === 'git') {
      if (!trusted) return UNTRUSTED_GIT;
      const where = onDisk(root) ? await gitLocation(root.fsPath) : undefined;
      if (!where) return `${root.fsPath} is not inside a git repository`;
      const refs = await gitRefs(where.top);
      const input = vscode.window.createQuickPick();
      input.title = 'Compare with which branch, tag or commit? (type any revision)';
      input.items = refs.map((r) => ({ label: r }));
      const rev = await new Promise<string | undefined>((resolve) => {
        input.onDidAccept(() => resolve(input.selectedItems[0]?.label ?? input.value.trim()));
        input.onDidHide(() => resolve(undefined));
        input.show();
      });
      input.dispose();
      return rev ? this.sourceFor(root, { kind: 'git', rev }) : undefined;
    }
    const v = this.controller.validations().find((x) => x.root.toString() === root.toString());
    const annotators = [...new Set((v?.result.sidecars ?? []).flatMap((s) => s.claims.map((c) => c.claim.annotator ?? '')))].filter((a) => a !== '').sort();
    if (annotators.length < 2) return `comparing annotators needs claims by two of them (annotator:); this dataset has ${annotators.length === 1 ? `only ${annotators[0] as string}` : 'none'}`;
    const mine = await vscode.window.showQuickPick(annotators, { title: 'Whose claims are mine (the ones curated)?' });
    if (!mine) return undefined;
    const theirs = await vscode.window.showQuickPick(annotators.filter((a) => a !== mine), { title: `Compare ${mine}'s claims with…` });
    return theirs ? this.sourceFor(root, { kind: 'annotator', mine, theirs }) : undefined;
  }

  private async sourceFor(root: vscode.Uri, r: CompareRequest): Promise<CompareSource | string> {
    if (r.kind === 'folder') {
      // The folder on the machine the dataset is on (a remote window's files have its scheme).
      const uri = root.with({ path: vscode.Uri.file(r.path).path });
      try {
        await vscode.workspace.fs.stat(vscode.Uri.joinPath(uri, 'claimbook.yaml'));
      } catch {
        return `${r.path} holds no claimbook.yaml: pick the root folder of a dataset`;
      }
      if (uri.toString() === root.toString()) return 'that is this dataset: pick another folder';
      return new FolderSource(uri, readSettings(root).delayMs);
    }
    if (r.kind === 'git') {
      if (!vscode.workspace.isTrusted) return UNTRUSTED_GIT;
      const where = onDisk(root) ? await gitLocation(root.fsPath) : undefined;
      if (!where) return `${root.fsPath} is not inside a git repository`;
      const commit = await resolveRevision(where.top, r.rev);
      if (!commit) return `git knows no branch, tag or commit "${r.rev}"`;
      return new GitSource(where.top, where.prefix, r.rev, commit);
    }
    const mine = r.mine ?? vscode.workspace.getConfiguration('claimbook', root).get<string>('annotator', '').trim();
    if (mine === '') return 'say whose claims are mine: set claimbook.annotator or pick both annotators';
    if (mine === r.theirs) return 'pick two different annotators';
    return new AnnotatorSource(this.controller, root, mine, r.theirs);
  }

  // ---- Moving and deciding
  private disagreement(key: string | undefined): Disagreement | undefined {
    const n = key ? this.view.node(key) : undefined;
    return n?.kind === 'disagreement' ? n.row.d : undefined;
  }

  /** Opens the article with the unit selected, and selects it in the view. */
  async show(key: string | undefined): Promise<void> {
    const s = this.session;
    const d = this.disagreement(key);
    if (!s || !d || !key) return;
    this.current = key;
    const doc = await vscode.workspace.openTextDocument(uriOf(s.root, d.article));
    const a = this.articleOf(doc.uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: true, preserveFocus: true });
    if (a) {
      const range = new vscode.Range(doc.positionAt(a.index.cpToRaw(d.start)), doc.positionAt(a.index.cpToRaw(d.end)));
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
    const node = this.view.node(key);
    if (node && this.tree.visible) await this.tree.reveal(node, { select: true, focus: false }).then(undefined, () => undefined);
  }

  /** Next (+1) or previous (-1) disagreement in view order, wrapping around. */
  async step(delta: 1 | -1): Promise<string | undefined> {
    const all = this.view.disagreements();
    if (all.length === 0) return undefined;
    const at = all.findIndex((n) => n.row.key === this.current);
    const next = all[at < 0 ? (delta > 0 ? 0 : all.length - 1) : (at + delta + all.length) % all.length];
    await this.show(next?.row.key);
    return next?.row.key;
  }

  async act(action: CurationAction, key: string | undefined): Promise<ActionOutcome> {
    const outcome = await this.decide(action, key ?? this.current ?? this.tree.selection.find((n) => n.kind === 'disagreement')?.row.key);
    if (!outcome.done) void vscode.window.showWarningMessage(`Claimbook: ${outcome.reason}`);
    else vscode.window.setStatusBarMessage(`Claimbook: ${outcome.summary}`, 4000);
    return outcome;
  }

  private async decide(action: CurationAction, key: string | undefined): Promise<ActionOutcome> {
    const s = this.session;
    if (!s) return { done: false, reason: 'nothing is being compared: run Compare Annotations… first' };
    const d = this.disagreement(key);
    if (!d) return { done: false, reason: 'pick a disagreement in the Disagreements view first' };
    const v = this.controller.validations().find((x) => x.root.toString() === s.root.toString());
    const index = v?.result.articles.find((a) => a.path === d.article)?.index;
    const sidecarPath = s.comparison?.articles.find((a) => a.article === d.article)?.mySidecar;
    const uri = sidecarPath ? uriOf(s.root, sidecarPath) : undefined;
    const doc = uri ? await vscode.workspace.openTextDocument(uri) : undefined;
    const result = curate({
      disagreement: d,
      action,
      source: s.source.label,
      sidecar: sidecarPath && doc ? { path: sidecarPath, text: doc.getText() } : undefined,
      newSidecarPath: sidecarPathFor(d.article),
      article: index,
      annotator: s.source.annotator,
      random: Math.random,
    });
    if (!result.ok) return { done: false, reason: result.problem.message };
    const following = this.neighbourOf(d.key);
    if (result.text === undefined) {
      s.dismiss(d);
      this.current = following;
      return { done: true, summary: result.summary, wrote: false };
    }
    const edit = new GuardedEdit();
    const target = uriOf(s.root, result.path);
    if (result.before === undefined || !doc) {
      edit.edit.createFile(target, { ignoreIfExists: false });
      edit.edit.insert(target, new vscode.Position(0, 0), result.text);
    } else {
      const change = trimChange(result.before, 0, result.before.length, result.text);
      edit.add(target, result.before, [{ start: change.offset, end: change.offset + change.length, newText: change.text }]);
    }
    const applied = await edit.apply();
    if (applied.status !== 'applied') return { done: false, reason: applied.message };
    this.current = following;
    return { done: true, summary: result.summary, wrote: true };
  }

  /** The disagreement after this one (else before), to continue with once it is settled. */
  private neighbourOf(key: string): string | undefined {
    const all = this.view.disagreements();
    const at = all.findIndex((n) => n.row.key === key);
    return (all[at + 1] ?? all[at - 1])?.row.key;
  }
}

/** The extension host sees file and remote workspaces on its own disk: git can run there. */
function onDisk(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' || uri.scheme === 'vscode-remote';
}

function keyOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'kind' in arg && (arg as DisagreementNode).kind === 'disagreement') return (arg as Extract<DisagreementNode, { kind: 'disagreement' }>).row.key;
  return undefined;
}
