import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanEnv, copyWorkspace, parseArgs, readResults, repoRoot, reportResults, type SuiteResults } from '../harness';

const made: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-harness-'));
  made.push(dir);
  return dir;
}

describe('integration harness', () => {
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('parseArgs', () => {
    it('defaults to the samples folder and a 10 minute timeout', () => {
      const options = parseArgs([], {});
      assert.ok(!('error' in options));
      assert.equal(options.workspace, path.join(repoRoot, 'samples'));
      assert.equal(options.timeoutMs, 600_000);
      assert.equal(options.screenshot, undefined);
    });

    it('reads workspace, screenshot, timeout, grep and flags', () => {
      const dir = tempDir();
      const options = parseArgs(['--workspace', dir, '--screenshot', 'shot.png', '--timeout', '90', '--grep', 'smoke', '--keep', '--verbose'], {});
      assert.ok(!('error' in options));
      assert.equal(options.workspace, dir);
      assert.equal(options.screenshot, path.resolve('shot.png'));
      assert.equal(options.timeoutMs, 90_000);
      assert.equal(options.grep, 'smoke');
      assert.equal(options.keep, true);
      assert.equal(options.verbose, true);
    });

    it('takes the timeout from CLAIMBOOK_TEST_TIMEOUT, overridden by --timeout', () => {
      const fromEnv = parseArgs([], { CLAIMBOOK_TEST_TIMEOUT: '30' });
      assert.ok(!('error' in fromEnv));
      assert.equal(fromEnv.timeoutMs, 30_000);
      const fromFlag = parseArgs(['--timeout', '5'], { CLAIMBOOK_TEST_TIMEOUT: '30' });
      assert.ok(!('error' in fromFlag));
      assert.equal(fromFlag.timeoutMs, 5_000);
    });

    it('reports bad input as a message', () => {
      const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
        [['--bogus'], {}, /unknown argument "--bogus"/],
        [['--timeout', 'soon'], {}, /positive number of seconds/],
        [['--timeout'], {}, /positive number of seconds/],
        [['--workspace'], {}, /needs a folder/],
        [['--workspace', path.join(tempDir(), 'absent')], {}, /workspace folder not found/],
        [[], { CLAIMBOOK_TEST_TIMEOUT: '-1' }, /CLAIMBOOK_TEST_TIMEOUT/],
      ];
      for (const [argv, env, expected] of cases) {
        const result = parseArgs(argv, env);
        assert.ok('error' in result, `${argv.join(' ')} should be rejected`);
        assert.match(result.error, expected);
      }
    });
  });

  describe('readResults', () => {
    it('reads what the suite writes, filling total and pending when absent', () => {
      const file = path.join(tempDir(), 'results.json');
      fs.writeFileSync(file, JSON.stringify({ passed: 2, failed: 1, failures: [{ title: 't', error: 'e' }] }));
      assert.deepEqual(readResults(file), { passed: 2, failed: 1, total: 3, pending: 0, failures: [{ title: 't', error: 'e' }] });
    });

    it('describes a missing, truncated or malformed file instead of throwing', () => {
      const dir = tempDir();
      const missing = readResults(path.join(dir, 'none.json'));
      assert.ok('error' in missing && /no results file/.test(missing.error));
      fs.writeFileSync(path.join(dir, 'half.json'), '{"passed": 1');
      const half = readResults(path.join(dir, 'half.json'));
      assert.ok('error' in half && /unreadable/.test(half.error));
      fs.writeFileSync(path.join(dir, 'odd.json'), '{"passed": "1", "failed": 0, "failures": []}');
      const odd = readResults(path.join(dir, 'odd.json'));
      assert.ok('error' in odd && /malformed/.test(odd.error));
    });
  });

  describe('reportResults', () => {
    const run = (results: SuiteResults): { code: number; lines: string[] } => {
      const lines: string[] = [];
      const code = reportResults(results, (line) => lines.push(line));
      return { code, lines };
    };

    it('passes only when nothing failed and something passed, closing with the count line', () => {
      const green = run({ passed: 3, failed: 0, total: 3, failures: [] });
      assert.equal(green.code, 0);
      assert.equal(green.lines.at(-1), '3 passed, 0 failed');

      const red = run({ passed: 2, failed: 1, total: 3, failures: [{ title: 'smoke opens', error: 'AssertionError: boom' }] });
      assert.equal(red.code, 1);
      assert.ok(red.lines.some((line) => line.includes('1) smoke opens') && line.includes('AssertionError: boom')));
      assert.equal(red.lines.at(-1), '2 passed, 1 failed');
    });

    it('fails a run in which no test ran, and mentions skipped tests', () => {
      const empty = run({ passed: 0, failed: 0, total: 2, pending: 2, failures: [] });
      assert.equal(empty.code, 1);
      assert.ok(empty.lines.includes('0 passed, 0 failed, 2 skipped'));
    });
  });

  it('copyWorkspace copies the tree but not node_modules', () => {
    const source = tempDir();
    fs.mkdirSync(path.join(source, 'articles'));
    fs.writeFileSync(path.join(source, 'articles', 'a.txt'), 'text');
    fs.mkdirSync(path.join(source, 'node_modules'));
    fs.writeFileSync(path.join(source, 'node_modules', 'x.js'), '');
    const copy = copyWorkspace(source, path.join(tempDir(), 'ws'));
    assert.equal(fs.readFileSync(path.join(copy, 'articles', 'a.txt'), 'utf8'), 'text');
    assert.equal(fs.existsSync(path.join(copy, 'node_modules')), false);
  });

  it('cleanEnv drops npm script and outer editor variables, keeps the rest', () => {
    const saved = { ...process.env };
    try {
      process.env.npm_config_local_prefix = '/somewhere';
      process.env.VSCODE_IPC_HOOK_CLI = '/tmp/x.sock';
      process.env.CLAIMBOOK_KEEP = 'yes';
      const env = cleanEnv({ EXTRA: '1' });
      assert.equal(env.npm_config_local_prefix, undefined);
      assert.equal(env.VSCODE_IPC_HOOK_CLI, undefined);
      assert.equal(env.CLAIMBOOK_KEEP, 'yes');
      assert.equal(env.EXTRA, '1');
    } finally {
      process.env = saved;
    }
  });
});
