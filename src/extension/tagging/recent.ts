/** Recently used actors, commitments and stances, per workspace, most recent first. */
import type * as vscode from 'vscode';

export type RecentKind = 'actor' | 'commitment' | 'stance';

const KEEP = 8;

export class RecentChoices {
  constructor(private readonly state: vscode.Memento) {}

  get(kind: RecentKind): string[] {
    const value = this.state.get<unknown>(`claimbook.recent.${kind}`);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  async use(kind: RecentKind, id: string): Promise<void> {
    await this.state.update(`claimbook.recent.${kind}`, [id, ...this.get(kind).filter((x) => x !== id)].slice(0, KEEP));
  }
}
