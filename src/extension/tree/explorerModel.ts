/**
 * What the three views show, derived from the controller's published validations: claim rows
 * per dataset (rebuilt when a validation is published, never in getChildren), plus the view
 * state the user chose (grouping, remembered per workspace; filter).
 */
import * as vscode from 'vscode';
import { claimRows, isEmptyFilter, isGrouping, labelsOf, type ClaimFilter, type ClaimRow, type Grouping, type Labels } from '../../core/explore';
import type { ValidationController, Validation } from '../controller';

export interface DatasetRows {
  root: vscode.Uri;
  validation: Validation;
  rows: ClaimRow[];
  labels: Labels;
}

const GROUPING_KEY = 'claimbook.explorer.grouping';

export class ExplorerModel implements vscode.Disposable {
  private readonly cache = new Map<string, DatasetRows>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when rows, grouping or filter changed. */
  readonly onDidChange = this.emitter.event;
  private currentFilter: ClaimFilter = {};

  constructor(
    private readonly controller: ValidationController,
    private readonly state: vscode.Memento,
  ) {}

  dispose(): void {
    this.emitter.dispose();
  }

  get grouping(): Grouping {
    const stored = this.state.get<unknown>(GROUPING_KEY);
    return isGrouping(stored) ? stored : 'actor';
  }

  async setGrouping(g: Grouping): Promise<void> {
    await this.state.update(GROUPING_KEY, g);
    this.emitter.fire();
  }

  get filter(): ClaimFilter {
    return this.currentFilter;
  }

  setFilter(f: ClaimFilter): void {
    this.currentFilter = f;
    this.emitter.fire();
  }

  get filtered(): boolean {
    return !isEmptyFilter(this.currentFilter);
  }

  /** Datasets with a usable published validation, in root order. */
  datasets(): DatasetRows[] {
    const live = new Set(this.controller.roots.all().map((r) => r.toString()));
    const out: DatasetRows[] = [];
    for (const v of this.controller.validations()) {
      const key = v.root.toString();
      // A fatal result (codebook unreadable) stays: the views say what is wrong instead of going blank.
      if (!live.has(key)) continue;
      let hit = this.cache.get(key);
      // A published validation is never mutated, so identity says whether rows are current.
      if (hit?.validation !== v) {
        hit = { root: v.root, validation: v, rows: claimRows(v.result), labels: labelsOf(v.result.codebook?.model) };
        this.cache.set(key, hit);
      }
      out.push(hit);
    }
    for (const k of [...this.cache.keys()]) if (!out.some((d) => d.root.toString() === k)) this.cache.delete(k);
    return out.sort((a, b) => (a.root.toString() < b.root.toString() ? -1 : 1));
  }

  dataset(root: vscode.Uri): DatasetRows | undefined {
    return this.datasets().find((d) => d.root.toString() === root.toString());
  }

  /** Notifies the views that a validation was published. */
  changed(): void {
    this.emitter.fire();
  }
}
