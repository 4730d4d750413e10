/**
 * When to validate and what to publish (STYLE §8): at once on open and save, debounced per
 * document on change, results published only if no open document of the dataset changed while
 * the check ran. Watchers re-validate dependants when files change on disk.
 */
import * as vscode from 'vscode';
import { checkDataset, FileCache, type CheckResult, type Finding } from '../core';
import { DatasetRoots, uriOf, type Located } from './datasets';
import { VscodeHost } from './vscodeHost';
import { LiveAnchors } from './liveAnchors';
import { Positions, toDiagnostic } from './convert';
import { readSettings } from './settings';

export interface ValidationEvent {
  /** Root folder of the dataset, as a URI string. */
  root: string;
  trigger: string;
  findings: number;
  durationMs: number;
}

/** What the last published validation of a dataset saw and found. */
export interface Validation {
  root: vscode.Uri;
  result: CheckResult;
  positions: Positions;
  /** Findings by file path, as published. */
  byFile: Map<string, Finding[]>;
}

class Session {
  readonly cache = new FileCache();
  running: Promise<void> | undefined;
  rerun: string | undefined;
  published = new Set<string>();
  /**
   * Files whose findings changed in checks not published yet (a stale result is dropped, its
   * changes are not); undefined: all of them, as before the first publish or after a fatal one.
   */
  unpublished: Set<string> | undefined;
  last: Validation | undefined;

  constructor(readonly root: vscode.Uri, readonly host: VscodeHost) {}
}

/** Stale-result retries before publishing anyway (a document being typed into continuously). */
const MAX_STALE_RETRIES = 3;

export class ValidationController implements vscode.Disposable {
  private readonly sessions = new Map<string, Session>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly emitter = new vscode.EventEmitter<ValidationEvent>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidValidate = this.emitter.event;
  readonly live = new LiveAnchors();

  constructor(
    readonly roots: DatasetRoots,
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly docs: vscode.Uri,
  ) {}

  start(): void {
    const w = vscode.workspace;
    this.disposables.push(
      this.emitter,
      w.onDidOpenTextDocument((d) => this.onOpen(d)),
      w.onDidChangeTextDocument((e) => this.onChange(e)),
      w.onDidSaveTextDocument((d) => void this.onSave(d)),
      w.onDidCloseTextDocument((d) => this.onClose(d)),
      w.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('claimbook')) this.validateAll('settings');
      }),
    );
    const watcher = w.createFileSystemWatcher('**/*.{yaml,yml,txt,md}');
    this.disposables.push(
      watcher,
      watcher.onDidChange((u) => this.onDisk(u, false)),
      watcher.onDidCreate((u) => this.onDisk(u, true)),
      watcher.onDidDelete((u) => this.onDisk(u, true)),
    );
    // The workspace search for codebooks runs after activate() has returned.
    void this.roots.refresh().then(() => {
      for (const d of w.textDocuments) if (isArticleLike(d.uri) && this.roots.locate(d.uri)) this.live.track(d);
      return this.validateAll('activation');
    });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  /** The last published validation of the dataset holding `uri`. */
  validationFor(uri: vscode.Uri): (Validation & { located: Located }) | undefined {
    const located = this.roots.locate(uri);
    const last = located ? this.sessions.get(located.root.toString())?.last : undefined;
    return located && last ? { ...last, located } : undefined;
  }

  validations(): Validation[] {
    return [...this.sessions.values()].flatMap((s) => (s.last ? [s.last] : []));
  }

  validateAll(trigger: string): Promise<void[]> {
    this.prune();
    return Promise.all(this.roots.all().map((r) => this.validate(r, trigger)));
  }

  /** A dataset whose codebook is gone takes its diagnostics with it. */
  private prune(): void {
    const live = new Set(this.roots.all().map((r) => r.toString()));
    for (const [key, session] of this.sessions) {
      if (live.has(key)) continue;
      for (const path of session.published) this.diagnostics.delete(uriOf(session.root, path));
      this.sessions.delete(key);
    }
  }

  /** Validates a dataset now; a request while one runs is folded into one re-run. */
  validate(root: vscode.Uri, trigger: string): Promise<void> {
    const session = this.session(root);
    if (session.running) {
      session.rerun = trigger;
      return session.running;
    }
    session.running = this.run(session, trigger).finally(() => {
      session.running = undefined;
      const again = session.rerun;
      session.rerun = undefined;
      if (again !== undefined) void this.validate(root, again);
    });
    return session.running;
  }

  private session(root: vscode.Uri): Session {
    const key = root.toString();
    let s = this.sessions.get(key);
    if (!s) this.sessions.set(key, (s = new Session(root, new VscodeHost(root))));
    return s;
  }

  private async run(session: Session, trigger: string): Promise<void> {
    const settings = readSettings(session.root);
    for (let attempt = 0; ; attempt++) {
      const versions = this.openVersions(session.root);
      const started = performance.now();
      // On keystrokes, whole-article searches wait for a 'settle' pass so the host never blocks long.
      const result = await checkDataset(
        session.host,
        {
          severities: settings.severities,
          liveSpans: this.live.spansFor(session.root, (u) => this.roots.locate(u)),
          defer: trigger === 'change' || trigger === 'settle',
          pause: () => new Promise<void>((resolve) => setImmediate(resolve)),
        },
        session.cache,
      );
      const durationMs = performance.now() - started;
      if (session.unpublished && result.changedFiles) for (const f of result.changedFiles) session.unpublished.add(f);
      else session.unpublished = undefined;
      if (!this.sameVersions(versions, this.openVersions(session.root)) && attempt < MAX_STALE_RETRIES) continue;
      this.publish(session, result);
      this.emitter.fire({ root: session.root.toString(), trigger, findings: result.findings.length, durationMs });
      if ((result.deferred ?? 0) > 0) this.settleLater(session.root);
      return;
    }
  }

  /** Finishes deferred work in small passes, each its own macrotask. */
  private settleLater(root: vscode.Uri): void {
    const key = `settle:${root.toString()}`;
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.validate(root, 'settle');
    }, 0));
  }

  private publish(session: Session, result: CheckResult): void {
    const positions = new Positions(result.texts);
    const byFile = new Map<string, Finding[]>();
    for (const f of result.findings) {
      const list = byFile.get(f.file);
      if (list) list.push(f);
      else byFile.set(f.file, [f]);
    }
    if (result.fatal) {
      const codebook = 'claimbook.yaml';
      byFile.set(codebook, []);
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), result.fatal, vscode.DiagnosticSeverity.Error);
      d.source = 'claimbook';
      this.diagnostics.set(uriOf(session.root, codebook), [d]);
    }
    // Only files whose findings changed get new diagnostics: a follow-up check or a keystroke
    // in one article must not rebuild (and make VS Code redraw) the 40,000 of a whole dataset.
    const changed = result.fatal ? undefined : session.unpublished;
    for (const [path, findings] of byFile) {
      if (result.fatal || (changed && !changed.has(path) && session.published.has(path))) continue;
      this.diagnostics.set(uriOf(session.root, path), findings.map((f) => toDiagnostic(f, session.root, positions, this.docs)));
    }
    for (const path of session.published) if (!byFile.has(path)) this.diagnostics.delete(uriOf(session.root, path));
    session.published = new Set(byFile.keys());
    session.unpublished = result.fatal ? undefined : new Set();
    session.last = { root: session.root, result, positions, byFile };
  }

  private openVersions(root: vscode.Uri): Map<string, number> {
    const out = new Map<string, number>();
    for (const d of vscode.workspace.textDocuments) if (this.roots.locate(d.uri)?.root.toString() === root.toString()) out.set(d.uri.toString(), d.version);
    return out;
  }

  private sameVersions(a: Map<string, number>, b: Map<string, number>): boolean {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (b.get(k) !== v) return false;
    return true;
  }

  private onOpen(doc: vscode.TextDocument): void {
    const located = this.roots.locate(doc.uri);
    if (!located) return;
    if (isArticleLike(doc.uri)) this.live.track(doc);
    void this.validate(located.root, 'open');
  }

  private onChange(event: vscode.TextDocumentChangeEvent): void {
    const located = this.roots.locate(event.document.uri);
    if (!located || event.contentChanges.length === 0) return;
    if (isArticleLike(event.document.uri)) this.live.applyChange(event, located.path, this.sessions.get(located.root.toString())?.last?.result);
    const settings = readSettings(located.root);
    if (settings.run !== 'onType') return;
    const key = event.document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.validate(located.root, 'change');
    }, settings.delayMs));
  }

  private async onSave(doc: vscode.TextDocument): Promise<void> {
    const located = this.roots.locate(doc.uri);
    if (!located) return;
    clearTimeout(this.timers.get(doc.uri.toString()));
    if (located.path === 'claimbook.yaml') await this.roots.refresh();
    const last = this.sessions.get(located.root.toString())?.last?.result;
    await this.live.writeBack(doc, located.root, located.path, last);
    await this.validate(located.root, 'save');
  }

  private onClose(doc: vscode.TextDocument): void {
    const located = this.roots.locate(doc.uri);
    if (!located) return;
    this.live.forget(doc.uri);
    clearTimeout(this.timers.get(doc.uri.toString()));
    // The buffer is gone: what is on disk is the truth again.
    this.session(located.root).host.invalidate(located.path, false);
    void this.validate(located.root, 'close');
  }

  private onDisk(uri: vscode.Uri, listing: boolean): void {
    void (async () => {
      if (uri.path.endsWith('/claimbook.yaml') && listing) await this.roots.refresh();
      const located = this.roots.locate(uri);
      if (!located) {
        // A deleted codebook leaves stale diagnostics behind; re-validate everything.
        if (listing) await this.validateAll('disk');
        return;
      }
      this.session(located.root).host.invalidate(located.path, listing);
      const key = `disk:${uri.toString()}`;
      clearTimeout(this.timers.get(key));
      this.timers.set(key, setTimeout(() => {
        this.timers.delete(key);
        void this.validate(located.root, 'disk');
      }, readSettings(located.root).delayMs));
    })();
  }
}

/** Only articles have spans to follow; YAML files never need a text index per keystroke. */
function isArticleLike(uri: vscode.Uri): boolean {
  return !/\.ya?ml$/i.test(uri.path);
}
