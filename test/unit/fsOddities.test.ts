/**
 * Issue 13 C: every file-system oddity gives a finding and the rest of the dataset is still
 * checked; each check here finishes (nothing may block or loop). Links inside the dataset are
 * followed, links leading outside and loops are findings.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli, dataset, sidecarWithActor } from './support/cli';
import { checkSplit } from '../../src/cli/splitCheck';

const MAIN = path.resolve(__dirname, '../../src/cli/main.js');

interface JsonFinding {
  rule: string;
  file: string;
  message: string;
}

async function findings(dir: string): Promise<{ code: number; findings: JsonFinding[] }> {
  const out = await cli(['check', dir, '--format', 'json'], '/');
  assert.equal(out.stderr, '', out.stderr);
  return { code: out.code, findings: JSON.parse(out.stdout) as JsonFinding[] };
}

/** A dataset with one sidecar whose unknown actor proves it was checked. */
function withCheckedSidecar(files: Record<string, string> = {}): string {
  return dataset({ 'articles/ok.claims.yaml': sidecarWithActor('nobody-known'), ...files });
}

const checked = (fs_: JsonFinding[], file: string): boolean => fs_.some((f) => f.file === file && f.rule === 'unknown-actor');
const unreadable = (fs_: JsonFinding[], file: string, reason: RegExp): boolean => fs_.some((f) => f.file === file && f.rule === 'file-unreadable' && reason.test(f.message));

describe('file-system oddities', () => {
  it('an unreadable sub-folder is a file-unreadable finding; the rest is checked', () => {
    const dir = withCheckedSidecar({ 'locked/x.claims.yaml': sidecarWithActor('macron') });
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
    try {
      // Root reads any folder: run the CLI as an unprivileged user then.
      const asRoot = process.getuid?.() === 0;
      const r = spawnSync(process.execPath, [MAIN, 'check', dir, '--format', 'json'], { encoding: 'utf8', ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
      assert.equal(r.stderr, '');
      assert.equal(r.status, 1);
      const found = JSON.parse(r.stdout) as JsonFinding[];
      assert.ok(unreadable(found, 'locked', /cannot list this folder \(EACCES\)/), JSON.stringify(found));
      assert.ok(checked(found, 'articles/ok.claims.yaml'));
    } finally {
      fs.chmodSync(path.join(dir, 'locked'), 0o755);
    }
  });

  it('a symlinked sidecar inside the dataset is checked under its name', async () => {
    const dir = withCheckedSidecar({ 'shared/b.yaml': sidecarWithActor('also-unknown') });
    fs.symlinkSync('../shared/b.yaml', path.join(dir, 'articles', 'b.claims.yaml'));
    const r = await findings(dir);
    assert.ok(checked(r.findings, 'articles/b.claims.yaml'), JSON.stringify(r.findings));
  });

  it('a symlinked codebook and a symlinked article inside the dataset are used', async () => {
    const dir = withCheckedSidecar();
    fs.mkdirSync(path.join(dir, 'config'));
    fs.renameSync(path.join(dir, 'claimbook.yaml'), path.join(dir, 'config', 'codebook.yaml'));
    fs.symlinkSync('config/codebook.yaml', path.join(dir, 'claimbook.yaml'));
    fs.renameSync(path.join(dir, 'articles', 'summit.txt'), path.join(dir, 'config', 'summit.txt'));
    fs.symlinkSync('../config/summit.txt', path.join(dir, 'articles', 'summit.txt'));
    const r = await findings(dir);
    assert.deepEqual(r.findings.filter((f) => f.rule === 'article-missing' || f.rule === 'file-unreadable'), []);
    assert.ok(checked(r.findings, 'articles/ok.claims.yaml'));
  });

  it('a symlinked article leading outside the dataset is a finding, not read', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'Germany refused to send German troops to Ukrainian soil.');
    const dir = withCheckedSidecar();
    fs.rmSync(path.join(dir, 'articles', 'summit.txt'));
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'articles', 'summit.txt'));
    const r = await findings(dir);
    assert.ok(unreadable(r.findings, 'articles/summit.txt', /outside the dataset/), JSON.stringify(r.findings));
    assert.ok(checked(r.findings, 'articles/ok.claims.yaml'));
  });

  it('a check split across two threads refuses the same links (the worker never reads them)', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-outside-'));
    fs.writeFileSync(path.join(outside, 'x.claims.yaml'), sidecarWithActor('read-from-outside'));
    const dir = dataset();
    for (let i = 0; i < 8; i++) fs.symlinkSync(path.join(outside, 'x.claims.yaml'), path.join(dir, 'articles', `l${i}.claims.yaml`));
    let fellBack: string | undefined;
    const result = await checkSplit(dir, { hints: false, always: true, onFallback: (why) => (fellBack = why) });
    assert.equal(fellBack, undefined);
    for (let i = 0; i < 8; i++) assert.ok(result.findings.some((f) => f.file === `articles/l${i}.claims.yaml` && f.rule === 'file-unreadable'), `l${i}`);
    assert.ok(!result.findings.some((f) => f.message.includes('read-from-outside')));
  });

  it('a symlinked codebook leading outside is an unusable dataset with a clear message', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-outside-'));
    const dir = withCheckedSidecar();
    fs.renameSync(path.join(dir, 'claimbook.yaml'), path.join(outside, 'claimbook.yaml'));
    fs.symlinkSync(path.join(outside, 'claimbook.yaml'), path.join(dir, 'claimbook.yaml'));
    const out = await cli(['check', dir], '/');
    assert.equal(out.code, 2);
    assert.match(out.stderr, /cannot read claimbook\.yaml: a symbolic link leading outside the dataset/);
  });

  it('a symlink loop and a broken link are findings; a folder link to an ancestor ends', async () => {
    const dir = withCheckedSidecar();
    fs.symlinkSync('b.claims.yaml', path.join(dir, 'articles', 'a.claims.yaml'));
    fs.symlinkSync('a.claims.yaml', path.join(dir, 'articles', 'b.claims.yaml'));
    fs.symlinkSync('gone.yaml', path.join(dir, 'articles', 'c.claims.yaml'));
    fs.symlinkSync('..', path.join(dir, 'articles', 'up'));
    const r = await findings(dir);
    assert.ok(unreadable(r.findings, 'articles/a.claims.yaml', /loop/));
    assert.ok(unreadable(r.findings, 'articles/b.claims.yaml', /loop/));
    assert.ok(unreadable(r.findings, 'articles/c.claims.yaml', /broken/));
    assert.ok(checked(r.findings, 'articles/ok.claims.yaml'));
    assert.ok(!r.findings.some((f) => f.file.startsWith('articles/up/')), 'the ancestor is not walked again');
  });

  it('a FIFO named like a sidecar is a finding and never blocks the check', async () => {
    const dir = withCheckedSidecar();
    execFileSync('mkfifo', [path.join(dir, 'articles', 'pipe.claims.yaml')]);
    const r = await findings(dir);
    assert.ok(unreadable(r.findings, 'articles/pipe.claims.yaml', /not a regular file/), JSON.stringify(r.findings));
    assert.ok(checked(r.findings, 'articles/ok.claims.yaml'));
  });

  it('a sparse 2 GB article is refused by its size, not read', async () => {
    const dir = withCheckedSidecar();
    fs.truncateSync(path.join(dir, 'articles', 'summit.txt'), 2 * 1024 ** 3);
    const r = await findings(dir);
    assert.ok(unreadable(r.findings, 'articles/summit.txt', /larger than 20 MB/));
    assert.ok(checked(r.findings, 'articles/ok.claims.yaml'));
  });

  it('a folder named like a sidecar is a finding, and its contents are still listed', async () => {
    const dir = withCheckedSidecar({ 'articles/odd.claims.yaml/inner.claims.yaml': sidecarWithActor('inner-unknown') });
    const r = await findings(dir);
    assert.ok(unreadable(r.findings, 'articles/odd.claims.yaml', /a folder, not a file/), JSON.stringify(r.findings));
    assert.ok(r.findings.some((f) => f.file === 'articles/odd.claims.yaml/inner.claims.yaml'));
  });
});
