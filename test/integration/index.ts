// Entry point the extension host calls (`extensionTestsPath`), under the VS Code server
// runner and under @vscode/test-electron alike. The extension host exits 0 even when run()
// rejects, so the outcome also goes to the file named by CLAIMBOOK_TEST_RESULTS.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import { SUITE_DONE, type SuiteResults } from '../harness';
import { tidyWindow } from './workspace';

function testFiles(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(root, file));
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

function writeResults(results: SuiteResults): void {
  const file = process.env.CLAIMBOOK_TEST_RESULTS;
  if (!file) return;
  // Written whole, then renamed: the runner watches for the name and must never read half a file.
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, JSON.stringify(results, null, 2));
  fs.renameSync(partial, file);
}

/**
 * The VS Code server runner sees the extension host's console mixed with the workbench's own
 * logging. With CLAIMBOOK_TEST_LOG_TAG set, mocha's reporter output carries that tag so the
 * runner can pick it out. (Wrapping console.* does not work: the extension host forwards
 * calls before any replacement sees them.)
 */
function tagReporterOutput(tag: string | undefined): () => void {
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const previous = base.consoleLog;
  if (tag) base.consoleLog = (...args: unknown[]) => previous(`${tag}${format(...args)}`);
  return () => {
    base.consoleLog = previous;
  };
}

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}

/** Runs every `*.test.js` under `dir` (other suites, e.g. the installed-.vsix one, reuse this). */
export async function runTestsIn(dir: string): Promise<void> {
  const untag = tagReporterOutput(process.env.CLAIMBOOK_TEST_LOG_TAG);
  try {
    await runMocha(dir);
  } finally {
    untag();
  }
}

async function runMocha(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.CLAIMBOOK_TEST_GREP;
  if (grep) mocha.grep(grep);
  const results: SuiteResults = { passed: 0, failed: 0, total: 0, pending: 0, failures: [] };
  try {
    await tidyWindow();
    for (const file of testFiles(dir)) mocha.addFile(file);
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', () => results.passed++);
      runner.on('pending', () => {
        results.pending = (results.pending ?? 0) + 1;
      });
      runner.on('fail', (test, error) => {
        results.failed++;
        results.failures.push({ title: test.fullTitle(), error: describeError(error) });
      });
    });
  } catch (error) {
    // A test file that throws while loading must fail the run, not vanish.
    results.failed++;
    results.failures.push({ title: 'loading the integration tests', error: describeError(error) });
  }
  results.total = results.passed + results.failed + (results.pending ?? 0);
  writeResults(results);
  console.log(`${process.env.CLAIMBOOK_TEST_LOG_TAG ?? ''}${SUITE_DONE}: ${results.passed} passing, ${results.failed} failing`);
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
  if (results.passed === 0) throw new Error('no integration test ran');
}
