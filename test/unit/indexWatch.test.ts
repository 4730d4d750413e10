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
    const clean = await fixed;
    assert.doesNotMatch(clean, /macronn/);
    assert.ok(clean.includes(`${sidecar}: no problems`), clean);

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

  /**
   * Issue 13 C: after any sequence of tree changes (a branch switch deletes and re-creates
   * folders) the last JSON line equals a fresh `check --format json`, files that became clean
   * included.
   */
  it('--format json: every line is the whole state; a re-created folder is watched again', async function () {
    this.timeout(60_000);
    const dir = copySamples();
    const articles = path.join(dir, 'articles');
    const saved = new Map(fs.readdirSync(articles).map((n) => [n, fs.readFileSync(path.join(articles, n), 'utf8')]));
    const sidecars = [...saved.keys()].filter((n) => n.endsWith('.claims.yaml')).sort();
    const out = new Output();
    const err = new Output();
    const abort = new AbortController();
    const fresh = async (): Promise<unknown> => {
      let text = '';
      await run(['check', dir, '--format', 'json'], { cwd: dir, stdout: (t) => (text += t), stderr: () => {} });
      return JSON.parse(text);
    };
    /** Resolves once the watch prints a line equal to a fresh check of the dataset as it is now. */
    const settlesTo = async (change: () => void): Promise<unknown> => {
      const lines: string[] = [];
      const target: { json?: string } = {};
      let resolveMatch: (() => void) | undefined;
      const matched = new Promise<void>((r) => (resolveMatch = r));
      const seen = (): void => {
        if (target.json !== undefined && lines.includes(target.json)) resolveMatch?.();
      };
      let from = out.text.length;
      const poll = (): void => {
        const rest = out.text.slice(from);
        const cut = rest.lastIndexOf('\n');
        if (cut >= 0) {
          for (const l of rest.slice(0, cut).split('\n')) lines.push(JSON.stringify(JSON.parse(l)));
          from += cut + 1;
        }
        seen();
      };
      const write = out.write;
      out.write = (chunk: string): void => {
        write(chunk);
        poll();
      };
      change();
      const state = await fresh();
      target.json = JSON.stringify(state);
      poll();
      await matched;
      out.write = write;
      return state;
    };
    const started = err.next(/Watching/);
    const first = out.next(/\n/);
    const done = run(['check', dir, '--watch', '--format', 'json'], { cwd: dir, stdout: (t) => out.write(t), stderr: err.write, signal: abort.signal });
    await first;
    await started;

    // The branch switch: the folder goes, then comes back with two broken sidecars.
    await settlesTo(() => fs.rmSync(articles, { recursive: true }));
    const broken = await settlesTo(() => {
      fs.mkdirSync(articles);
      for (const [n, text] of saved) fs.writeFileSync(path.join(articles, n), n === sidecars[0] || n === sidecars[1] ? text.replace(/actor: (\S+)/, 'actor: nobody-$1') : text);
    });
    assert.ok((broken as unknown[]).length >= 2);
    // An edit inside the re-created folder is seen, and the file it cleans leaves the state.
    const one = await settlesTo(() => fs.writeFileSync(path.join(articles, sidecars[0] as string), saved.get(sidecars[0] as string) as string));
    assert.ok((one as Array<{ file: string }>).every((f) => f.file !== `articles/${sidecars[0]}`));
    assert.ok((one as unknown[]).length > 0, 'the other broken sidecar still has its findings');
    await settlesTo(() => fs.writeFileSync(path.join(articles, sidecars[1] as string), saved.get(sidecars[1] as string) as string));

    abort.abort();
    await done;
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
