// Entry of the web-extension suite, run by VS Code's *web worker* extension host (see
// test/runWeb.ts): no Node there, so this is bundled for the browser with mocha's browser build,
// and the results go through vscode.workspace.fs to `results.json` beside the workspace copy,
// where the runner waits for them.
import 'mocha/mocha.js';
import * as vscode from 'vscode';

/** The runner streams only console lines with this tag (test/harness.ts SUITE_LOG_TAG, SUITE_DONE). */
const TAG = '[suite] ';
const DONE = 'claimbook integration suite done';

interface Failure {
  title: string;
  error: string;
}

export async function run(): Promise<void> {
  const log = console.log.bind(console);
  const tagged = (...args: unknown[]): void => log(`${TAG}${printf(args)}`);
  const results = { passed: 0, failed: 0, total: 0, pending: 0, failures: [] as Failure[] };
  try {
    const m = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
    m.setup({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false } as never);
    const base = (Mocha as unknown as { reporters: { Base: { consoleLog: (...args: unknown[]) => void } } }).reporters.Base;
    base.consoleLog = tagged;
    // Loaded only now: describe/it exist once mocha.setup has run.
    await import('./web.test');
    await new Promise<void>((resolve) => {
      const runner = m.run(() => resolve());
      runner.on('pass', () => results.passed++);
      runner.on('pending', () => results.pending++);
      runner.on('fail', (test: { fullTitle(): string }, error: Error) => {
        results.failed++;
        results.failures.push({ title: test.fullTitle(), error: error.stack ?? String(error) });
      });
    });
  } catch (error) {
    // E.g. loaded by a Node extension host, where mocha's browser build cannot run: a failure, not a hang.
    results.failed++;
    results.failures.push({ title: 'starting the web suite', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  results.total = results.passed + results.failed + results.pending;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder) {
    const file = vscode.Uri.joinPath(folder.uri, '..', 'results.json');
    const partial = vscode.Uri.joinPath(folder.uri, '..', 'results.json.partial');
    await vscode.workspace.fs.writeFile(partial, new TextEncoder().encode(JSON.stringify(results, null, 2)));
    await vscode.workspace.fs.rename(partial, file, { overwrite: true });
  }
  tagged(`${DONE}: ${results.passed} passing, ${results.failed} failing`);
  if (results.failed > 0) throw new Error(`${results.failed} web test(s) failed`);
}

/** The `%s`/`%d` substitution of console.log that mocha's reporter relies on (no node:util here). */
function printf(args: unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map(String).join(' ');
  const text = first.replace(/%[sdio]/g, (spec) => (rest.length > 0 ? String(rest.shift()) : spec));
  return [text, ...rest.map(String)].join(' ');
}

interface BrowserMocha {
  setup(options: unknown): void;
  run(done: () => void): { on(event: string, listener: (...args: never[]) => void): void };
}
declare const Mocha: unknown;
