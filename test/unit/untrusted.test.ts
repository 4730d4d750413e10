/**
 * Issue 13 C: the extension starts no process in an untrusted workspace. The manifest declares
 * the limited support, and every file of the extension that can launch a process checks
 * `workspace.isTrusted` (an audit that fails when a new launch forgets it).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listFiles } from './support/fixtures';

const ROOT = path.resolve(__dirname, '../../..');

describe('untrusted workspaces', () => {
  it('the manifest declares limited support and restricts the settings that matter', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: string[]; description?: string } } };
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.ok(untrusted.description);
    assert.deepEqual(untrusted.restrictedConfigurations?.sort(), ['claimbook.annotator', 'claimbook.rules']);
  });

  it('every process launch of the extension is guarded by workspace.isTrusted', () => {
    const dir = path.join(ROOT, 'src', 'extension');
    // web/shims.ts stands in for node:child_process in the web build: it launches nothing, it throws.
    const launching = listFiles(dir).filter((f) => f !== 'web/shims.ts' && /child_process|worker_threads|\bnew Worker\(|\bvscode\.tasks\.executeTask|\bcreateTerminal\(/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    assert.deepEqual(launching, ['curation/gitHost.ts', 'tagging/annotator.ts', 'tagging/offerGitSetup.ts'], 'a new launch site: guard it with workspace.isTrusted and add it here');
    for (const f of launching) assert.match(fs.readFileSync(path.join(dir, f), 'utf8'), /!vscode\.workspace\.isTrusted\b/, f);
  });
});
