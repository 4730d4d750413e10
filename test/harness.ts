// Pieces shared by the two integration runners (VS Code server + Chromium, and
// @vscode/test-electron): command-line options, the throw-away workspace copy, and the
// results file the in-editor suite writes. Runs in plain Node; never imports 'vscode'.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Compiled to out/test/harness.js, so the repository is two levels up. */
export const repoRoot = path.resolve(__dirname, '..', '..');
export const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');

/** What `test/integration/index.ts` writes to `CLAIMBOOK_TEST_RESULTS`. */
export interface SuiteResults {
  passed: number;
  failed: number;
  /** Tests that passed, failed or were skipped (hook failures count as failed, not here). */
  total: number;
  pending?: number;
  failures: { title: string; error: string }[];
}

/** The suite prints this (tagged) once the results file is in place; output ends there. */
export const SUITE_DONE = 'claimbook integration suite done';
/** Prefix the suite puts on the extension host's console output when asked to. */
export const SUITE_LOG_TAG = '[suite] ';

export interface RunOptions {
  workspace: string;
  screenshot?: string;
  timeoutMs: number;
  grep?: string;
  keep: boolean;
  verbose: boolean;
}

export const usage = `Options:
  --workspace DIR     folder opened in VS Code (copied first); default: samples/
  --screenshot FILE   save a PNG of the workbench when the suite ends
  --timeout SECONDS   give up after this long (default 600, or $CLAIMBOOK_TEST_TIMEOUT)
  --grep PATTERN      run only tests whose full title matches
  --keep              keep the temp folder (workspace copy, logs) for inspection
  --verbose           also print the server's own output`;

/** Parses runner arguments; returns a message instead of throwing on bad input. */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): RunOptions | { error: string } {
  const envTimeout = env.CLAIMBOOK_TEST_TIMEOUT;
  const options: RunOptions = {
    workspace: path.join(repoRoot, 'samples'),
    timeoutMs: 600_000,
    keep: false,
    verbose: false,
  };
  if (envTimeout !== undefined && envTimeout !== '') {
    const seconds = Number(envTimeout);
    if (!(seconds > 0)) return { error: `CLAIMBOOK_TEST_TIMEOUT must be a positive number of seconds, got "${envTimeout}"` };
    options.timeoutMs = seconds * 1000;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string | undefined => {
      const next = argv[i + 1];
      i++;
      return next;
    };
    switch (arg) {
      case '--workspace': {
        const dir = value();
        if (!dir) return { error: '--workspace needs a folder' };
        options.workspace = path.resolve(dir);
        break;
      }
      case '--screenshot': {
        const file = value();
        if (!file) return { error: '--screenshot needs a file name' };
        options.screenshot = path.resolve(file);
        break;
      }
      case '--timeout': {
        const raw = value();
        const seconds = Number(raw);
        if (!(seconds > 0)) return { error: `--timeout needs a positive number of seconds, got "${raw ?? ''}"` };
        options.timeoutMs = seconds * 1000;
        break;
      }
      case '--grep': {
        const pattern = value();
        if (!pattern) return { error: '--grep needs a pattern' };
        options.grep = pattern;
        break;
      }
      case '--keep':
        options.keep = true;
        break;
      case '--verbose':
        options.verbose = true;
        break;
      default:
        return { error: `unknown argument "${arg ?? ''}"` };
    }
  }
  if (!fs.existsSync(options.workspace) || !fs.statSync(options.workspace).isDirectory()) {
    return { error: `workspace folder not found: ${options.workspace}` };
  }
  return options;
}

/** The runners load built files; say which build step is missing instead of timing out later. */
export function missingBuildOutputs(): string[] {
  const needed = [
    [path.join(repoRoot, 'dist', 'extension.js'), 'node esbuild.js'],
    [extensionTestsPath, 'npx tsc -p tsconfig.test.json'],
  ] as const;
  return needed.filter(([file]) => !fs.existsSync(file)).map(([file, step]) => `${file} (run \`${step}\`)`);
}

/** Tests may edit files freely: they always get a fresh copy of the workspace. */
export function copyWorkspace(source: string, destination: string): string {
  fs.cpSync(source, destination, { recursive: true, filter: (src) => path.basename(src) !== 'node_modules' });
  // Tests decide when files are saved: an editor auto-save in the middle of a test would change what it checks.
  const settings = path.join(destination, '.vscode', 'settings.json');
  if (!fs.existsSync(settings)) {
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, `${JSON.stringify({ 'files.autoSave': 'off' }, null, 2)}\n`);
  }
  return destination;
}

/** Reads the suite's results; a missing or malformed file is reported, not thrown. */
export function readResults(file: string): SuiteResults | { error: string } {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return { error: `the suite wrote no results file (${file})` };
  }
  try {
    const data = JSON.parse(raw) as Partial<SuiteResults>;
    if (typeof data.passed !== 'number' || typeof data.failed !== 'number' || !Array.isArray(data.failures)) {
      return { error: `malformed results file ${file}: ${raw.slice(0, 200)}` };
    }
    return {
      passed: data.passed,
      failed: data.failed,
      total: typeof data.total === 'number' ? data.total : data.passed + data.failed,
      pending: data.pending ?? 0,
      failures: data.failures,
    };
  } catch (error) {
    return { error: `unreadable results file ${file}: ${String(error)}` };
  }
}

/** Prints the failures and the closing `N passed, N failed` line; returns the exit code. */
export function reportResults(results: SuiteResults, write: (line: string) => void = (line) => console.log(line)): number {
  for (const [index, failure] of results.failures.entries()) {
    write(`\n${index + 1}) ${failure.title}\n${failure.error}`);
  }
  const skipped = results.pending ? `, ${results.pending} skipped` : '';
  write('');
  write(`${results.passed} passed, ${results.failed} failed${skipped}`);
  if (results.failed === 0 && results.passed === 0) write('No integration test ran: that counts as a failure.');
  return results.failed === 0 && results.passed > 0 ? 0 : 1;
}

/** Child processes must not inherit the npm script or outer editor context we run in. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|VSCODE_|ELECTRON_)/i.test(key) || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Parses the runner's arguments and checks the build; prints why and returns undefined when it cannot run. */
export function runnerOptions(tag: string, argv: readonly string[] = process.argv.slice(2)): RunOptions | undefined {
  const options = parseArgs(argv);
  if ('error' in options) {
    console.error(`${options.error}\n${usage}`);
    return undefined;
  }
  const missing = missingBuildOutputs();
  if (missing.length > 0) {
    console.error(`[${tag}] build first; missing:\n  ${missing.join('\n  ')}`);
    return undefined;
  }
  return options;
}
