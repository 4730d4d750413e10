/**
 * `claimbook check --watch` over the dataset index: a change on disk is re-checked and
 * reported; the command ends when its signal aborts. Waits on output events, never sleeps.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/run';
import { listFiles } from './support/fixtures';

const SAMPLES = path.resolve(__dirname, '../../../samples');

/** Output as it arrives, and a promise for the first chunk matching a test. */
class Output {
  text = '';
  private waiting: Array<{ test: RegExp; from: number; resolve: (s: string) => void }> = [];

  write = (chunk: string): void => {
    this.text += chunk;
    this.waiting = this.waiting.filter((w) => {
      const rest = this.text.slice(w.from);
      if (!w.test.test(rest)) return true;
      w.resolve(rest);
      return false;
    });
  };

  /** Resolves when output written after this call matches. */
  next(test: RegExp): Promise<string> {
    return new Promise((resolve) => this.waiting.push({ test, from: this.text.length, resolve }));
  }
}

function copySamples(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-watch-'));
  for (const rel of listFiles(SAMPLES)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.copyFileSync(path.join(SAMPLES, rel), path.join(dir, rel));
  }
  return dir;
}

describe('check --watch', () => {
  it('reports the dataset, then re-checks each change and reports what changed', async function () {
    this.timeout(30_000);
    const dir = copySamples();
    const out = new Output();
    const err = new Output();
    const abort = new AbortController();
    const started = err.next(/Watching/);
    const first = out.next(/No problems found\.|\d+ errors?, /);
    const done = run(['check', dir, '--watch'], { cwd: dir, stdout: out.write, stderr: err.write, signal: abort.signal });
    assert.match(await first, /\.claims\.yaml|\.txt|No problems/);
    await started;

    // An unknown actor appears in one sidecar: the re-check reports it, and only that file.
    const sidecar = listFiles(dir).find((f) => f.endsWith('.claims.yaml')) as string;
    const file = path.join(dir, sidecar);
    const reported = out.next(/unknown actor 'macronn'[\s\S]*\n\d+ errors?, .*\n/);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/actor: macron\b/, 'actor: macronn'));
    const after = await reported;
    assert.match(after, /changed; re-checked in \d+ ms/);
    assert.ok(after.includes(sidecar), after);

    // Fixed again: the finding goes away.
    const fixed = out.next(/changed; re-checked[\s\S]*\n(?:No problems found\.|\d+ errors?, .*)\n/);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('actor: macronn', 'actor: macron'));
    assert.doesNotMatch(await fixed, /macronn/);

    abort.abort();
    assert.equal(await done, 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses --fix with --watch', async () => {
    let stderr = '';
    const code = await run(['check', SAMPLES, '--watch', '--fix'], { cwd: SAMPLES, stdout: () => {}, stderr: (t) => (stderr += t) });
    assert.equal(code, 2);
    assert.match(stderr, /--watch and --fix/);
  });
});
