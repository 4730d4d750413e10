// A Prompter that answers the tagging questions from a script, by step name, and records what it
// was asked, so tests drive the quick-pick flow without the UI (see api.setPrompter).
import type { InputRequest, PickRequest, Prompter } from '../../src/extension/tagging/prompter';

/** An answer per step: an item id or typed text; `undefined` escapes. */
export type Script = Record<string, string | undefined>;

export class ScriptedPrompter implements Prompter {
  readonly picks: PickRequest[] = [];
  readonly inputs: InputRequest[] = [];
  /** Questions the script had no answer for, and typed answers the input box rejected. */
  readonly problems: string[] = [];

  constructor(private readonly script: Script) {}

  async pick(request: PickRequest): Promise<string | undefined> {
    this.picks.push(request);
    const answer = this.answer(request.step);
    if (answer === undefined) return undefined;
    if (!request.items.some((i) => !i.separator && i.id === answer)) {
      this.problems.push(`${request.step}: no item '${answer}' among ${request.items.filter((i) => !i.separator).map((i) => i.id).join(', ')}`);
      return undefined;
    }
    return answer;
  }

  async input(request: InputRequest): Promise<string | undefined> {
    this.inputs.push(request);
    const answer = this.answer(request.step);
    if (answer === undefined) return undefined;
    const message = request.validate?.(answer);
    if (message !== undefined) {
      this.problems.push(`${request.step}: '${answer}' rejected: ${message}`);
      return undefined;
    }
    return answer;
  }

  private answer(step: string): string | undefined {
    if (!(step in this.script)) this.problems.push(`unexpected question '${step}'`);
    return this.script[step];
  }
}
