/** What the tagging commands share: the controller, the prompter (swappable for tests), recent choices, the annotator. */
import * as vscode from 'vscode';
import type { RandomSource } from '../../core/edit';
import type { ValidationController, Validation } from '../controller';
import type { Located } from '../datasets';
import { AnnotatorName } from './annotator';
import { QuickInputPrompter, type Prompter } from './prompter';
import { RecentChoices } from './recent';

/** What a tagging command did, returned to its caller (tests read it; users see messages). */
export type Outcome =
  | { status: 'written'; ids: string[]; file: string }
  | { status: 'moved'; ids: string[]; file: string }
  | { status: 'cancelled'; step: string }
  | { status: 'refused'; reason: string };

export class TaggingServices {
  private custom: Prompter | undefined;
  private readonly real = new QuickInputPrompter();
  readonly recent: RecentChoices;
  readonly annotator = new AnnotatorName();

  constructor(
    readonly controller: ValidationController,
    state: vscode.Memento,
    readonly random: RandomSource = Math.random,
  ) {
    this.recent = new RecentChoices(state);
  }

  get prompter(): Prompter {
    return this.custom ?? this.real;
  }

  /** Replaces the quick picks (tests); undefined restores them. */
  setPrompter(prompter: Prompter | undefined): void {
    this.custom = prompter;
  }

  /**
   * The last validation of the dataset holding `doc`, re-run first when it did not see the
   * document's current text (offsets from a stale validation would point at the wrong claim).
   */
  async validationOf(doc: vscode.TextDocument): Promise<(Validation & { located: Located }) | undefined> {
    const located = this.controller.roots.locate(doc.uri);
    if (!located) return undefined;
    // A request during a run is folded into a re-run the returned promise does not cover: retry a little.
    for (let attempt = 0; attempt < 3; attempt++) {
      const v = this.controller.validationFor(doc.uri);
      if (v && v.result.texts.get(v.located.path) === doc.getText()) return v;
      await this.controller.validate(located.root, 'command');
    }
    return this.controller.validationFor(doc.uri);
  }
}

export function refused(reason: string, show = true): Outcome {
  if (show) void vscode.window.showInformationMessage(`Claimbook: ${reason}`);
  return { status: 'refused', reason };
}

export function cancelled(step: string): Outcome {
  return { status: 'cancelled', step };
}

export function isArticlePath(path: string): boolean {
  return !/\.ya?ml$/i.test(path);
}

export function isSidecarPath(path: string): boolean {
  return path.endsWith('.claims.yaml');
}
