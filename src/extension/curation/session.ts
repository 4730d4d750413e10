/**
 * One comparison: my dataset (the controller's last validation) against a source, recomputed
 * whenever either side changes. Decisions that write nothing (keeping a claim only I have,
 * leaving out one only they have) are remembered for the session so the list shrinks.
 */
import * as vscode from 'vscode';
import type { CheckResult } from '../../core';
import { compareResults, type Comparison, type Disagreement } from '../../core/curation';
import type { ValidationController } from '../controller';
import type { CompareSource } from './sources';

export class CurationSession implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires after every recomputation (tests wait on it). */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private theirs: Promise<CheckResult> | undefined;
  private generation = 0;
  private readonly dismissed = new Set<string>();
  comparison: Comparison | undefined;
  /** Why the last comparison could not be made. */
  problem: string | undefined;

  constructor(private readonly controller: ValidationController, readonly root: vscode.Uri, readonly source: CompareSource) {
    this.disposables.push(
      this.emitter,
      source,
      controller.onDidValidate((e) => {
        if (e.root === root.toString()) void this.update();
      }),
      source.onDidChange(() => {
        this.theirs = undefined;
        void this.update();
      }),
    );
  }

  dispose(): void {
    this.generation++;
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  /** Re-reads their side too (a branch may have moved: the git source is read once). */
  refresh(): Promise<void> {
    this.theirs = undefined;
    return this.update();
  }

  dismiss(d: Disagreement): void {
    this.dismissed.add(d.key);
    void this.update();
  }

  /** Recomputes from both sides; an older run finishing late is dropped. */
  async update(): Promise<void> {
    const generation = ++this.generation;
    const mine = this.controller.validations().find((v) => v.root.toString() === this.root.toString())?.result;
    let comparison: Comparison | undefined;
    let problem: string | undefined;
    try {
      this.theirs ??= this.source.check();
      const theirs = await this.theirs;
      if (generation !== this.generation) return;
      if (!mine) problem = 'my dataset has not been validated yet';
      else if (mine.fatal) problem = mine.fatal;
      else if (theirs.fatal) problem = `${this.source.title}: ${theirs.fatal}`;
      else comparison = compareResults(mine, theirs, { source: this.source.label, keepMine: this.source.keepMine, keepTheirs: this.source.keepTheirs, dismissed: this.dismissed });
    } catch (error) {
      if (generation !== this.generation) return;
      this.theirs = undefined;
      problem = `${this.source.title}: ${error instanceof Error ? error.message : String(error)}`;
    }
    this.comparison = comparison;
    this.problem = problem;
    this.emitter.fire();
  }
}
