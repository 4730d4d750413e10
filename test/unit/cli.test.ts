/** The CLI in-process: formats against golden files, exit codes, usage errors, `--fix` round trip. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/run';
import { fixtureFiles } from './support/fixtures';

const GOLDEN = path.resolve(__dirname, '../../../test/golden');
const SAMPLES = path.resolve(__dirname, '../../../samples');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], cwd: string): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Writes a fixture (laid over _base) into a fresh temp folder. */
function materialise(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `claimbook-${name}-`));
  for (const [rel, bytes] of fixtureFiles(name)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  }
  return dir;
}

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !fs.existsSync(file)) fs.writeFileSync(file, actual);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `differs from test/golden/${name} (UPDATE_GOLDEN=1 to accept)`);
}

describe('claimbook CLI', () => {
  let dir: string;
  before(() => {
    dir = materialise('unknown-actor');
  });

  for (const format of ['text', 'json', 'sarif', 'github']) {
    it(`check --format ${format} matches its golden output and exits 1 on errors`, async () => {
      const out = await cli(['check', '.', '--format', format], dir);
      assert.equal(out.code, 1);
      assert.equal(out.stderr, '');
      golden(`unknown-actor.${format}`, out.stdout.replace(/"version": "[^"]+"/, '"version": "X"'));
    });
  }

  it('json findings carry file, 1-based line/column, 0-based offsets and the claim id', async () => {
    const out = await cli(['check', dir, '--format=json'], '/');
    const findings = JSON.parse(out.stdout) as Array<Record<string, unknown>>;
    const first = findings.find((f) => f.id === 'c-eee111');
    assert.ok(first);
    assert.equal(first.rule, 'unknown-actor');
    assert.equal(first.file, 'articles/summit.claims.yaml');
    const text = fs.readFileSync(path.join(dir, 'articles/summit.claims.yaml'), 'utf8');
    assert.equal(text.slice(first.start as number, first.end as number), 'macorn');
    assert.equal(text.split('\n')[(first.line as number) - 1]?.slice((first.column as number) - 1).startsWith('macorn'), true);
  });

  it('exits 0 on the samples, with no errors and no warnings', async () => {
    const out = await cli(['check', SAMPLES, '--format', 'json'], '/');
    const findings = JSON.parse(out.stdout) as Array<{ severity: string; rule: string; message: string }>;
    assert.deepEqual(findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
    assert.equal(out.code, 0);
  });

  it('--max-warnings turns warnings into a failure', async () => {
    const warn = materialise('duplicate-claim');
    assert.equal((await cli(['check', warn], '/')).code, 0);
    assert.equal((await cli(['check', warn, '--max-warnings', '0'], '/')).code, 1);
    assert.equal((await cli(['check', warn, '--max-warnings', '1'], '/')).code, 0);
  });

  it('exits 2 with a clear message for a folder without codebook, a missing folder, bad flags', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-empty-'));
    const cases: Array<[string[], RegExp]> = [
      [['check', empty], /no claimbook\.yaml found/],
      [['check', path.join(empty, 'nope')], /not a folder/],
      [['check', '--format', 'xml'], /--format must be one of text, json, sarif, github/],
      [['check', '--max-warnings', 'many'], /--max-warnings needs a whole number/],
      [['check', '--frobnicate'], /unknown option --frobnicate/],
      [['frobnicate'], /unknown command 'frobnicate'/],
      [[], /missing command/],
    ];
    for (const [args, message] of cases) {
      const out = await cli(args, empty);
      assert.equal(out.code, 2, args.join(' '));
      assert.match(out.stderr, message);
      assert.equal(out.stdout, '');
    }
  });

  it('--help and --version', async () => {
    const help = await cli(['--help'], '/');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /claimbook check \[DIR\]/);
    const version = await cli(['--version'], '/');
    assert.equal(version.stdout.trim(), (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string }).version);
  });

  it('--fix applies only safe fixes, atomically, and the result re-checks clean of them', async () => {
    const moved = materialise('anchor-moved');
    const sidecar = path.join(moved, 'articles/summit.claims.yaml');
    const before = fs.readFileSync(sidecar, 'utf8');
    const out = await cli(['check', moved, '--fix', '--format', 'json'], '/');
    assert.match(out.stderr, /Fixed 1 problem in 1 file/);
    assert.deepEqual(JSON.parse(out.stdout), []);
    const after = fs.readFileSync(sidecar, 'utf8');
    assert.notEqual(after, before);
    assert.match(after, /# expect: anchor-moved/, 'comments survive the fix');
    assert.deepEqual(fs.readdirSync(path.dirname(sidecar)).filter((f) => f.endsWith('.tmp')), []);
    assert.equal((await cli(['check', moved], '/')).code, 0);

    // A drifted anchor has only an unsafe fix: --fix must leave it alone.
    const drifted = materialise('anchor-drifted');
    const file = path.join(drifted, 'articles/summit.claims.yaml');
    const original = fs.readFileSync(file, 'utf8');
    const again = await cli(['check', drifted, '--fix'], '/');
    assert.match(again.stderr, /Fixed 0 problems/);
    assert.equal(fs.readFileSync(file, 'utf8'), original);
    assert.match(again.stdout, /anchor-drifted/);
  });

  it('stats counts claims by stance, actor, commitment and article', async () => {
    const out = await cli(['stats', SAMPLES, '--format', 'json'], '/');
    assert.equal(out.code, 0);
    const stats = JSON.parse(out.stdout) as { claims: number; byStance: Record<string, number>; byArticle: Record<string, number> };
    assert.ok(stats.claims >= 60, `${stats.claims} claims`);
    assert.equal(Object.values(stats.byStance).reduce((a, b) => a + b, 0), stats.claims);
    assert.equal(Object.keys(stats.byArticle).length, 5);
    for (const stance of ['pledge', 'conditional', 'proposal', 'refusal', 'demand', 'report']) assert.ok((stats.byStance[stance] ?? 0) > 0, stance);
  });
});
