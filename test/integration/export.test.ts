// Claimbook: Export Dataset… in a real VS Code: the format is picked from the quick pick (scripted
// here), the target given as the save dialog would; the file written is byte for byte what
// `claimbook export` writes for the same dataset, and escaping the pick writes nothing.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ClaimbookApi } from '../../src/extension/api';
import type { Outcome } from '../../src/extension/tagging/services';
import { ScriptedPrompter, type Script } from './scripted';
import { activateExtension, extension, workspaceRoot } from './workspace';

let api: ClaimbookApi;
const decoder = new TextDecoder();
const outside = () => vscode.Uri.joinPath(workspaceRoot(), '..', `claimbook-export-${process.pid}`);

async function exportWith(script: Script, target: vscode.Uri | undefined): Promise<{ outcome: Outcome; prompter: ScriptedPrompter }> {
  const prompter = new ScriptedPrompter(script);
  api.setPrompter(prompter);
  try {
    const outcome = await vscode.commands.executeCommand<Outcome>('claimbook.exportDataset', undefined, target);
    return { outcome, prompter };
  } finally {
    api.setPrompter(undefined);
  }
}

function cliExport(format: string): string {
  const cli = path.join(extension().extensionPath, 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'export', workspaceRoot().fsPath, '--format', format], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

describe('Export Dataset…', () => {
  before(async () => {
    api = await activateExtension<ClaimbookApi>();
    await api.validateAll();
    await vscode.workspace.fs.createDirectory(outside());
  });
  after(async () => {
    await vscode.workspace.fs.delete(outside(), { recursive: true }).then(undefined, () => undefined);
  });

  for (const format of ['jsonl', 'w3c'] as const) {
    it(`${format}: the format comes from the quick pick and the file is what claimbook export writes`, async () => {
      const target = vscode.Uri.joinPath(outside(), `claims.${format}`);
      const { outcome, prompter } = await exportWith({ format }, target);
      assert.deepEqual(prompter.problems, []);
      assert.deepEqual(outcome, { status: 'written', ids: [], file: target.path });
      const picked = prompter.picks.find((p) => p.step === 'format');
      assert.deepEqual(picked?.items.map((i) => i.id), ['jsonl', 'csv', 'w3c', 'brat', 'spans']);
      const written = decoder.decode(await vscode.workspace.fs.readFile(target));
      assert.ok(written.length > 0);
      assert.equal(written, cliExport(format));
      const names = (await vscode.workspace.fs.readDirectory(outside())).map(([n]) => n);
      assert.ok(!names.some((n) => n.endsWith('.tmp')), `no temporary file left: ${names.join(', ')}`);
    });
  }

  it('brat: writes a .txt and .ann per article and annotation.conf into the chosen folder', async () => {
    const folder = vscode.Uri.joinPath(outside(), 'brat');
    const { outcome } = await exportWith({ format: 'brat' }, folder);
    assert.equal(outcome.status, 'written');
    const conf = decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'annotation.conf')));
    assert.match(conf, /^\[entities\]$/m);
    const articles = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder, 'articles'))).map(([n]) => n);
    assert.ok(articles.some((n) => n.endsWith('.ann')) && articles.some((n) => n.endsWith('.txt')), articles.join(', '));
  });

  it('escaping the format pick writes nothing', async () => {
    const target = vscode.Uri.joinPath(outside(), 'escaped.jsonl');
    const { outcome } = await exportWith({ format: undefined }, target);
    assert.deepEqual(outcome, { status: 'cancelled', step: 'format' });
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)));
  });
});
