/**
 * What my dataset is compared with. A folder (another annotator's copy: checked through the
 * editor's buffers, so its unsaved edits count, and watched), a git revision of this repository
 * (read once with git, never in an untrusted workspace) or another annotator's claims in this
 * dataset. Each gives their check result and says when it changed.
 */
import * as vscode from 'vscode';
import { checkDataset, FileCache, MAX_FILE_BYTES, type CheckResult, type Claim } from '../../core';
import { sourceLabel, type SourceKind } from '../../core/curation';
import { VscodeHost } from '../vscodeHost';
import type { ValidationController } from '../controller';
import { GitRevisionHost } from './gitHost';

export interface CompareSource extends vscode.Disposable {
  kind: SourceKind;
  /** `git:main`, `folder:alice`, `annotator:bob`: what `curated-from` names. */
  label: string;
  /** For people: "branch main", "folder /tmp/alice", "annotator bob". */
  title: string;
  /** Their dataset, checked (for `annotator`: this dataset). */
  check(): Promise<CheckResult>;
  keepTheirs(claim: Claim): boolean;
  keepMine(claim: Claim): boolean;
  /** The annotator a claim taken from theirs gets (comparing annotators: mine). */
  annotator?: string;
  /** Fires when their side changed (not for `annotator`: it changes with my validations). */
  onDidChange: vscode.Event<void>;
}

const all = () => true;

/** Another dataset folder; its listing is read with workspace.fs, so it may lie outside the workspace. */
export class FolderSource implements CompareSource {
  readonly kind = 'folder';
  readonly label: string;
  readonly title: string;
  readonly keepTheirs = all;
  readonly keepMine = all;
  private readonly host: FolderHost;
  private readonly cache = new FileCache();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly root: vscode.Uri, delayMs: number) {
    const name = root.path.split('/').filter(Boolean).pop() ?? 'folder';
    this.label = sourceLabel('folder', name);
    this.title = `folder ${root.scheme === 'file' ? root.fsPath : root.toString()}`;
    this.host = new FolderHost(root);
    const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
    const inside = (u: vscode.Uri) => u.scheme === root.scheme && u.authority === root.authority && u.path.startsWith(prefix);
    const changed = (u: vscode.Uri, listing: boolean) => {
      if (!inside(u)) return;
      this.host.forget(u.path.slice(prefix.length), listing);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.emitter.fire(), delayMs);
    };
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '**/*.{yaml,yml,txt,md}'));
    this.disposables.push(
      this.emitter,
      watcher,
      watcher.onDidChange((u) => changed(u, false)),
      watcher.onDidCreate((u) => changed(u, true)),
      watcher.onDidDelete((u) => changed(u, true)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) changed(e.document.uri, false);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => changed(d.uri, false)),
    );
  }

  check(): Promise<CheckResult> {
    return checkDataset(this.host, {}, this.cache);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** A VscodeHost whose listing walks the folder itself (findFiles only searches the workspace). */
class FolderHost extends VscodeHost {
  private listing: Promise<string[]> | undefined;

  forget(path: string, listing: boolean): void {
    this.invalidate(path, listing);
    if (listing) this.listing = undefined;
  }

  override listFiles(): Promise<string[]> {
    this.listing ??= walk(this.root, '').then((files) => files.sort());
    return this.listing;
  }
}

async function walk(root: vscode.Uri, rel: string): Promise<string[]> {
  let entries: Array<[string, vscode.FileType]>;
  try {
    entries = await vscode.workspace.fs.readDirectory(rel === '' ? root : vscode.Uri.joinPath(root, ...rel.split('/')));
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const [name, type] of entries) {
    const path = rel === '' ? name : `${rel}/${name}`;
    if (type & vscode.FileType.Directory) {
      if (name !== 'node_modules' && name !== '.git') out.push(...(await walk(root, path)));
    } else if (type & vscode.FileType.File) out.push(path);
  }
  return out;
}

/** A branch, tag or commit of the repository holding my dataset, read once through git. */
export class GitSource implements CompareSource {
  readonly kind = 'git';
  readonly label: string;
  readonly title: string;
  readonly keepTheirs = all;
  readonly keepMine = all;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private result: Promise<CheckResult> | undefined;

  constructor(private readonly top: string, private readonly prefix: string, readonly rev: string, private readonly commit: string) {
    this.label = sourceLabel('git', rev);
    this.title = `git ${rev} (${commit.slice(0, 8)})`;
  }

  check(): Promise<CheckResult> {
    this.result ??= GitRevisionHost.open(this.top, this.prefix, this.commit, MAX_FILE_BYTES).then((host) => checkDataset(host, { oneShot: true }));
    return this.result;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/** Another annotator's claims in my own dataset; mine are those of `me`. */
export class AnnotatorSource implements CompareSource {
  readonly kind = 'annotator';
  readonly label: string;
  readonly title: string;
  readonly onDidChange: vscode.Event<void> = () => ({ dispose() {} });

  constructor(private readonly controller: ValidationController, private readonly root: vscode.Uri, readonly me: string, readonly them: string) {
    this.label = sourceLabel('annotator', them);
    this.title = `annotator ${them} (mine: ${me})`;
    this.annotator = me;
  }

  readonly annotator: string;

  keepTheirs = (c: Claim): boolean => (c.annotator ?? '') === this.them;
  keepMine = (c: Claim): boolean => (c.annotator ?? '') === this.me;

  check(): Promise<CheckResult> {
    const v = this.controller.validations().find((x) => x.root.toString() === this.root.toString());
    if (!v) return Promise.reject(new Error('the dataset has not been validated yet'));
    return Promise.resolve(v.result);
  }

  dispose(): void {}
}
