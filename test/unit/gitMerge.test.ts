/**
 * Teams in git, as a user runs it: real repositories in temporary folders, `claimbook
 * git-setup`, branches, `git merge` through the driver, then `claimbook check`.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../src/cli/main.js');
const SAMPLES = path.resolve(__dirname, '../../../samples');
const SIDECAR = 'articles/2025-03-11-military-chiefs-meet-in-paris.claims.yaml';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string): Run {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const claimbook = (args: string[], cwd: string) => run(process.execPath, [CLI, ...args], cwd);
const git = (args: string[], cwd: string) => run('git', args, cwd);

function ok(r: Run, what: string): Run {
  assert.equal(r.status, 0, `${what} failed:\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** A repository holding the sample dataset (in `sub`, if given), set up with git-setup, on branch main. */
function repo(sub = '.', extra: string[] = []): { top: string; dir: string } {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook git '));
  const dir = path.join(top, sub);
  fs.cpSync(SAMPLES, dir, { recursive: true });
  ok(git(['init', '-q', '-b', 'main'], top), 'git init');
  ok(git(['config', 'user.email', 'test@example.org'], top), 'git config');
  ok(git(['config', 'user.name', 'Test'], top), 'git config');
  ok(claimbook(['git-setup', dir, ...extra], top), 'git-setup');
  commitAll(top, 'dataset');
  return { top, dir };
}

function commitAll(top: string, message: string): Run {
  ok(git(['add', '-A'], top), 'git add');
  return git(['commit', '-q', '-m', message], top);
}

function edit(file: string, change: (text: string) => string): void {
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
}

function claim(id: string, stance: string, exact: string, suffix: string): string {
  return `\n  - id: ${id}\n    actor: europe\n    commitment: rearmament\n    stance: ${stance}\n    annotator: test\n    quote:\n      exact: "${exact}"\n      prefix: ""\n      suffix: "${suffix}"\n      start: 0\n      end: ${[...exact].length}\n`;
}

const A = claim('c-alice1', 'pledge', 'Military chiefs', ' from 30 European and NATO nat');
const B = claim('c-bob001', 'report', 'Military chiefs from 30', ' European and NATO nations are s');

/** Two branches from main: `alice` and `bob`, each changed by its function; then bob merges alice. */
function branches(top: string, alice: () => void, bob: () => void): Run {
  ok(git(['checkout', '-q', '-b', 'alice'], top), 'checkout');
  alice();
  ok(commitAll(top, 'alice'), 'commit alice');
  ok(git(['checkout', '-q', 'main'], top), 'checkout');
  ok(git(['checkout', '-q', '-b', 'bob'], top), 'checkout');
  bob();
  ok(commitAll(top, 'bob'), 'commit bob');
  return git(['merge', '-m', 'merge alice', 'alice'], top);
}

const addActor = (id: string) => (t: string) => t.replace('actors:\n', `actors:\n  ${id}:\n    name: ${id}\n    type: person\n`);

describe('git: the merge driver in real repositories', function () {
  this.timeout(60_000);

  it('merges two branches that each add a claim to one sidecar and an actor to the codebook, and check is clean', () => {
    const { top, dir } = repo();
    const merge = branches(
      top,
      () => {
        edit(path.join(dir, SIDECAR), (t) => t + A);
        edit(path.join(dir, 'claimbook.yaml'), addActor('alice-actor'));
      },
      () => {
        edit(path.join(dir, SIDECAR), (t) => t + B);
        edit(path.join(dir, 'claimbook.yaml'), addActor('bob-actor'));
      },
    );
    ok(merge, 'git merge');
    const text = fs.readFileSync(path.join(dir, SIDECAR), 'utf8');
    assert.ok(text.includes('c-alice1') && text.includes('c-bob001'));
    const codebook = fs.readFileSync(path.join(dir, 'claimbook.yaml'), 'utf8');
    assert.ok(codebook.includes('alice-actor:') && codebook.includes('bob-actor:'));
    ok(claimbook(['check', dir], top), 'check of the merge');
    ok(claimbook(['fmt', '--check', dir], top), 'fmt --check of the merge');
  });

  it('gives exactly one conflict, at the claim, when both sides changed its stance differently; check reports it', () => {
    const { top, dir } = repo();
    const file = path.join(dir, SIDECAR);
    const stance = (to: string) => () => edit(file, (t) => t.replace(/(id: c-a9x8ci[\s\S]*?stance: )report/, `$1${to}`));
    const merge = branches(top, stance('pledge'), stance('demand'));
    assert.equal(merge.status, 1, merge.stdout + merge.stderr);
    assert.match(git(['status', '--porcelain'], top).stdout, /^UU .*military-chiefs-meet-in-paris\.claims\.yaml$/m);
    const text = fs.readFileSync(file, 'utf8');
    assert.equal(text.match(/^<<<<<<< /gm)?.length, 1);
    assert.match(text, /  - id: c-a9x8ci\n    actor: europe\n    commitment: rearmament\n<<<<<<< ours\n    stance: demand\n=======\n    stance: pledge\n>>>>>>> theirs\n/);
    const check = claimbook(['check', dir, '--format', 'json'], top);
    assert.equal(check.status, 1);
    const findings = JSON.parse(check.stdout) as Array<{ rule: string; file: string; line: number }>;
    const marker = text.split('\n').findIndex((l) => l.startsWith('<<<<<<<')) + 1;
    assert.deepEqual(
      findings.map((f) => [f.rule, f.file, f.line]),
      [['merge-conflict', SIDECAR, marker], ['merge-conflict', SIDECAR, marker + 2], ['merge-conflict', SIDECAR, marker + 4]],
    );
  });

  it('deletes a claim deleted on one side and unchanged on the other; keeps comments added on either side', () => {
    const { top, dir } = repo();
    const file = path.join(dir, SIDECAR);
    const merge = branches(
      top,
      () => edit(file, (t) => t.replace(/\n  - id: c-a9x8ci[\s\S]*?\n\n/, '\n')),
      () => edit(file, (t) => t.replace('  - id: c-0n223y', '  # checked twice: the article is explicit\n  - id: c-0n223y').replace('text-sha256:', '# hash of the text\ntext-sha256:')),
    );
    ok(merge, 'git merge');
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(!text.includes('c-a9x8ci'), 'the deleted claim is gone');
    assert.match(text, /  # checked twice: the article is explicit\n  - id: c-0n223y/);
    assert.match(text, /# hash of the text\ntext-sha256:/);
    ok(claimbook(['check', dir], top), 'check');
  });

  it('merges sidecars both branches created (empty base), in a folder whose path has spaces', () => {
    const { top, dir } = repo('my dataset');
    const article = path.join(dir, 'articles', 'new article.txt');
    const side = path.join(dir, 'articles', 'new article.claims.yaml');
    const text = 'Military chiefs from 30 European and NATO nations met.\n';
    const sidecar = (c: string) => `article: new article.txt\nclaims:${c}`;
    const merge = branches(
      top,
      () => {
        fs.writeFileSync(article, text);
        fs.writeFileSync(side, sidecar(A.replace(/suffix: ".*"/, 'suffix: " from 30 European and NATO nat"')));
      },
      () => {
        fs.writeFileSync(article, text);
        fs.writeFileSync(side, sidecar(B.replace(/suffix: ".*"/, 'suffix: " European and NATO nations met.\\n"')));
      },
    );
    ok(merge, 'git merge');
    const merged = fs.readFileSync(side, 'utf8');
    assert.ok(merged.includes('c-alice1') && merged.includes('c-bob001'), merged);
  });

  it("falls back to git's line merge for a side that is not YAML and for binary files, saying why", () => {
    const { top, dir } = repo();
    const file = path.join(dir, SIDECAR);
    const binary = path.join(dir, 'articles', 'blob.claims.yaml');
    const merge = branches(
      top,
      () => {
        edit(file, (t) => t.replace('claims:\n', 'claims: [\n'));
        fs.writeFileSync(binary, Buffer.from([0, 1, 2, 3]));
      },
      () => {
        edit(file, (t) => t + B);
        fs.writeFileSync(binary, Buffer.from([0, 9, 9, 9]));
      },
    );
    assert.equal(merge.status, 1);
    assert.match(merge.stdout + merge.stderr, /claimbook merge-driver: .*military-chiefs.*: their side does not parse/);
    assert.match(merge.stdout + merge.stderr, /blob\.claims\.yaml: .*binary file; falling back to git's line merge/);
    const text = fs.readFileSync(file, 'utf8');
    // git's own line merge: both sides are in the file, nothing is lost.
    assert.ok(text.includes('claims: [') && text.includes('c-bob001'));
  });
});

describe('git-setup and the merge-driver command', function () {
  this.timeout(60_000);

  it('is idempotent, installs a pre-commit hook that refuses non-canonical sidecars, and never replaces a hook', () => {
    const { top, dir } = repo('.', ['--hooks']);
    const again = ok(claimbook(['git-setup', dir, '--hooks'], top), 'git-setup again');
    assert.match(again.stdout, /Already set up/);
    assert.equal(fs.readFileSync(path.join(dir, '.gitattributes'), 'utf8'), '*.claims.yaml merge=claimbook\nclaimbook.yaml merge=claimbook\n');
    assert.match(execFileSync('git', ['config', '--get', 'merge.claimbook.driver'], { cwd: top, encoding: 'utf8' }), /merge-driver %O %A %B %P\n$/);
    edit(path.join(dir, SIDECAR), (t) => t.replace(/\n\n  - id: c-a9x8ci/, '\n  - id: c-a9x8ci'));
    const refused = commitAll(top, 'not canonical');
    assert.notEqual(refused.status, 0);
    assert.match(refused.stdout + refused.stderr, /not in canonical form/);
    const hook = path.join(top, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, '#!/bin/sh\nexit 0\n');
    const kept = claimbook(['git-setup', dir, '--hooks'], top);
    assert.match(kept.stderr, /exists and is left as it is/);
    assert.equal(fs.readFileSync(hook, 'utf8'), '#!/bin/sh\nexit 0\n');
  });

  it('refuses a folder outside git and wrong arguments with clear messages', () => {
    const lone = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-nogit-'));
    const r = claimbook(['git-setup', lone], lone);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not inside a git repository/);
    const usage = claimbook(['merge-driver', 'a', 'b'], lone);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /BASE OURS THEIRS PATH/);
  });

  it('merges against an empty base when the base file does not exist', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-driver-'));
    const side = (c: string) => `article: a.txt\nclaims:${c}`;
    fs.writeFileSync(path.join(dir, 'ours'), side(A));
    fs.writeFileSync(path.join(dir, 'theirs'), side(B));
    ok(claimbook(['merge-driver', 'missing', 'ours', 'theirs', 'x.claims.yaml'], dir), 'merge-driver');
    const text = fs.readFileSync(path.join(dir, 'ours'), 'utf8');
    assert.ok(text.includes('c-alice1') && text.includes('c-bob001'));
  });
});
