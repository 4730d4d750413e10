// Runs the integration suite inside a real VS Code, headless and offline: VS Code's server
// (from code-server, see provision.ts) hosts the extension under development, and headless
// Chromium opens its web workbench with the smoke-test payload that tells the remote
// extension host to call our mocha entry. Pass/fail comes from the results file the suite
// writes, because the extension host exits 0 even when the suite fails.
//
//   node out/test/runInVsCodeServer.js [--workspace DIR] [--screenshot FILE] [--timeout SECONDS]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type BrowserContext, type ConsoleMessage } from 'playwright-core';
import { copyWorkspace, extensionTestsPath, readResults, repoRoot, reportResults, runnerOptions, SUITE_DONE, SUITE_LOG_TAG, type RunOptions } from './harness';
import { browserLaunch } from './browser';
import { provision, type VsCodeInstall } from './provision';
import { startVsCodeServer, type RunningServer } from './vscodeServer';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** What test/integration/screenshot.ts logs when its scene is set. */
const SCREENSHOT_READY = 'claimbook screenshot: ready';

function say(line: string): void {
  console.log(`[vscode-server] ${line}`);
}

/** What the workbench loads: the extension under development and the suite that tests it. */
export interface SuiteTarget {
  /** Folder of the extension under development (a probe, when the real one is installed). */
  developmentPath: string;
  /** The suite's entry (`run()`). */
  testsPath: string;
  /** Before the workbench opens: e.g. install a .vsix into the server's extensions folder. */
  prepare?: (context: { install: VsCodeInstall; extensionsDir: string; workspace: string; env: Record<string, string> }) => Promise<void>;
}

const developmentTarget: SuiteTarget = { developmentPath: repoRoot, testsPath: extensionTestsPath };

/** The workbench only honours this with --enable-smoke-test-driver on the server. */
function workbenchUrl(port: number, workspace: string, env: Record<string, string>, target: SuiteTarget): string {
  const remote = (file: string): string => `vscode-remote://127.0.0.1:${port}${file}`;
  const payload = [
    ['extensionDevelopmentPath', remote(target.developmentPath)],
    ['extensionTestsPath', remote(target.testsPath)],
    ['extensionEnvironment', JSON.stringify(env)],
  ];
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * The workbench logs as console.log('%c INFO', 'color: …', format, ...args); the extension
 * host's console arrives that way too. Returns the level and the formatted text.
 */
async function readConsole(message: ConsoleMessage): Promise<{ level: string; text: string }> {
  const values = await Promise.all(
    message.args().map((arg) => arg.evaluate((value: unknown) => (value instanceof Error ? String(value.stack ?? value) : value)).catch(() => '[unserialisable]')),
  );
  let level: string = message.type();
  const [first, second] = values;
  if (typeof first === 'string' && /^%c\s*[A-Z]+$/.test(first) && typeof second === 'string') {
    level = first.slice(2).trim();
    values.splice(0, 2);
  }
  return { level, text: values.length > 0 ? format(...values) : message.text() };
}

/**
 * Streams the page console: the suite's tagged output always, the workbench's errors as
 * context (some are harmless: no network for GitHub or the gallery), everything with --verbose.
 */
function streamConsole(verbose: boolean, onDone: () => void, onScreenshotReady: () => Promise<void> = async () => {}): (message: ConsoleMessage) => void {
  let queue = Promise.resolve();
  return (message) => {
    // Arguments are read asynchronously; the queue keeps lines in order.
    queue = queue.then(async () => {
      const { level, text } = await readConsole(message);
      if (text.startsWith(SUITE_LOG_TAG)) {
        const line = text.slice(SUITE_LOG_TAG.length);
        console.log(line);
        if (line.startsWith(SUITE_DONE)) onDone();
        // A test's scene (test/integration/screenshot.ts): shot while the views are still up.
        if (line === SCREENSHOT_READY) await onScreenshotReady();
      } else if (verbose) {
        console.log(`[workbench ${level}] ${text}`);
      } else if (level === 'ERR') {
        console.log(`[workbench ${level}] ${text.split('\n')[0] ?? ''}`);
      }
    });
  };
}

/** Resolves once `file` exists (the suite renames it into place whole). */
function whenFileAppears(file: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const watcher = fs.watch(path.dirname(file), () => {
      if (fs.existsSync(file)) done();
    });
    const done = (): void => {
      watcher.close();
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done);
    if (fs.existsSync(file)) done();
  });
}

type Outcome = { kind: 'results' } | { kind: 'failed'; reason: string };

async function runSuite(options: RunOptions, stop: AbortSignal, target: SuiteTarget): Promise<number> {
  const install = await provision();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-vscode-'));
  const workspace = copyWorkspace(options.workspace, path.join(tmp, 'workspace'));
  // A web-worker suite sees only the workspace: the screenshot handshake's files live there too.
  if (options.screenshot) fs.writeFileSync(path.join(workspace, '.claimbook-screenshot-wanted'), '');
  const resultsFile = path.join(tmp, 'results.json');
  const env: Record<string, string> = { CLAIMBOOK_TEST_RESULTS: resultsFile, CLAIMBOOK_TEST_LOG_TAG: SUITE_LOG_TAG };
  if (options.grep) env.CLAIMBOOK_TEST_GREP = options.grep;
  const shotDone = path.join(tmp, 'screenshot.done');
  if (options.screenshot) env.CLAIMBOOK_SCREENSHOT_DONE = shotDone;
  let shot = false;

  let server: RunningServer | undefined;
  let browser: BrowserContext | undefined;
  const started = Date.now();
  const ended = new AbortController();
  const onStop = (): void => ended.abort();
  stop.addEventListener('abort', onStop);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => {
      resolve({ kind: 'failed', reason: `timed out after ${options.timeoutMs / 1000} s without results from the suite (raise it with --timeout SECONDS)` });
    }, options.timeoutMs);
  });
  const interrupted = new Promise<Outcome>((resolve) => {
    if (stop.aborted) resolve({ kind: 'failed', reason: 'interrupted' });
    stop.addEventListener('abort', () => resolve({ kind: 'failed', reason: 'interrupted' }));
  });

  try {
    say(`workspace copy: ${workspace}`);
    const extensionsDir = path.join(tmp, 'extensions');
    await target.prepare?.({ install, extensionsDir, workspace, env });
    const serverReady = startVsCodeServer(install, {
      dataDir: path.join(tmp, 'server-data'),
      extensionsDir,
      logFile: path.join(tmp, 'server.log'),
      tmpDir: path.join(tmp, 'tmp'),
      onLine: options.verbose ? (line) => console.log(`[server] ${line}`) : undefined,
    });
    const first = await Promise.race([serverReady.then((s) => ({ kind: 'server' as const, server: s })), timedOut, interrupted]);
    if (first.kind !== 'server') {
      // Whatever the start is doing, it must not leave a server behind.
      void serverReady.then((s) => s.stop(), () => {});
      throw new Error(first.kind === 'failed' ? first.reason : 'no server');
    }
    server = first.server;
    say(`server pid ${server.pid} on port ${server.port} (${Math.round((Date.now() - started) / 1000)} s)`);

    const launch = browserLaunch(install.browserDir);
    browser = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
      executablePath: launch.executablePath,
      env: launch.env,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
      // Playwright's own handlers would exit the process before our finally ends the server.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    let onSuiteDone: () => void = () => {};
    const suiteDone = new Promise<void>((resolve) => (onSuiteDone = resolve));
    const shootScene = async (): Promise<void> => {
      if (!options.screenshot || shot) return;
      shot = true;
      await page.screenshot({ path: options.screenshot }).then(() => say(`screenshot: ${options.screenshot ?? ''}`), (error: unknown) => say(`screenshot failed: ${String(error)}`));
      fs.writeFileSync(shotDone, '');
      fs.writeFileSync(path.join(workspace, '.claimbook-screenshot-done'), '');
    };
    page.on('console', streamConsole(options.verbose, () => onSuiteDone(), shootScene));
    page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
    let onCrash: (outcome: Outcome) => void = () => {};
    const crashed = new Promise<Outcome>((resolve) => (onCrash = resolve));
    page.on('crash', () => onCrash({ kind: 'failed', reason: 'the browser page crashed' }));
    const serverDied = server.exited.then((code): Outcome => ({ kind: 'failed', reason: `the VS Code server exited early (code ${String(code)})` }));
    const results = whenFileAppears(resultsFile, ended.signal).then((): Outcome => ({ kind: 'results' }));

    await page.goto(workbenchUrl(server.port, workspace, env, target));
    const outcome = await Promise.race([results, timedOut, interrupted, crashed, serverDied]);
    if (outcome.kind === 'results') {
      // The file can land before the last console lines cross the websocket; let them arrive.
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([suiteDone, new Promise((resolve) => (grace = setTimeout(resolve, 10_000)))]);
      clearTimeout(grace);
    }
    say(`${outcome.kind === 'results' ? 'suite ended' : 'stopped'} after ${Math.round((Date.now() - started) / 1000)} s`);

    if (options.screenshot && !shot) {
      await page.screenshot({ path: options.screenshot }).then(
        () => say(`screenshot: ${options.screenshot ?? ''}`),
        (error: unknown) => say(`screenshot failed: ${String(error)}`),
      );
    }
    if (outcome.kind === 'failed') {
      console.error(`[vscode-server] FAILED: ${outcome.reason}`);
      console.error(`[vscode-server] last server output:\n${server.logTail(30)}`);
      return 1;
    }
    const parsed = readResults(resultsFile);
    if ('error' in parsed) {
      console.error(`[vscode-server] FAILED: ${parsed.error}`);
      return 1;
    }
    return reportResults(parsed);
  } finally {
    clearTimeout(timer);
    ended.abort();
    stop.removeEventListener('abort', onStop);
    await browser?.close().catch(() => {});
    await server?.stop();
    if (options.keep) say(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Runs the suite of `target` (default: the integration suite on the development extension); returns the exit code. */
export async function main(target: SuiteTarget = developmentTarget): Promise<number> {
  const options = runnerOptions('vscode-server');
  if (!options) return 2;
  // The server runs detached (its own process group): on Ctrl-C or a CI kill we must end it ourselves.
  // Repeated signals are absorbed until cleanup is done (SIGKILL still works).
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);
  try {
    return await runSuite(options, stop.signal, target);
  } catch (error) {
    console.error(`[vscode-server] FAILED: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
  }
}

if (require.main === module) {
  void main().then((code) => process.exit(code));
}
