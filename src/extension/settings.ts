/** Typed access to `claimbook.*` settings; read on demand so changes apply without reload. */
import * as vscode from 'vscode';
import type { SeverityOverrides } from '../core';

export interface Settings {
  run: 'onType' | 'onSave';
  delayMs: number;
  decorations: boolean;
  severities: SeverityOverrides;
}

export function readSettings(scope?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration('claimbook', scope);
  const delay = c.get<number>('validate.delayMs', 300);
  return {
    run: c.get<string>('validate.run', 'onType') === 'onSave' ? 'onSave' : 'onType',
    delayMs: Number.isFinite(delay) ? Math.min(Math.max(delay, 0), 10_000) : 300,
    decorations: c.get<boolean>('decorations.enabled', true),
    severities: c.get<SeverityOverrides>('rules', {}),
  };
}
