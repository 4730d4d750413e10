// `npm start`: the main job on the samples. Validates them with the CLI, then opens them in VS Code
// with the extension loaded: the desktop `code` when it is on PATH, otherwise the local VS Code
// server of the test harness, whose URL is printed (and opened unless --no-open).
//
//   npm start [-- --no-open] [-- --check-only] [-- --server]
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../src/cli/run';
import { repoRoot } from '../test/harness';
import { provision } from '../test/provision';
import { startVsCodeServer } from '../test/vscodeServer';

const original = path.join(repoRoot, 'samples');
/** A scratch copy: edits and saves while trying the extension never touch the repository's samples/. */
const samples = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-samples-')), 'samples');
fs.cpSync(original, samples, { recursive: true });
const args = new Set(process.argv.slice(2));

async function main(): Promise<number> {
  const io = { cwd: repoRoot, stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t) };
  console.log(`Serving a scratch copy of samples/ (your edits go there, not into the repository): ${samples}\n`);
  console.log('$ claimbook check samples');
  const checked = await run(['check', samples], io);
  console.log('\n$ claimbook stats samples');
  await run(['stats', samples], io);
  if (args.has('--check-only')) return checked;

  if (!args.has('--server') && onPath('code')) {
    console.log(`Opening ${samples} in VS Code with the extension from ${repoRoot}…`);
    spawn('code', [`--extensionDevelopmentPath=${repoRoot}`, samples], { stdio: 'inherit', detached: true }).unref();
    return checked;
  }
  return serve();
}

/** Runs the VS Code server until Ctrl-C; the samples open in the browser with the extension loaded. */
async function serve(): Promise<number> {
  const install = await provision((line) => console.log(`[provision] ${line}`));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-start-'));
  fs.mkdirSync(path.join(tmp, 'tmp'));
  const server = await startVsCodeServer(install, {
    dataDir: path.join(tmp, 'server-data'),
    extensionsDir: path.join(tmp, 'extensions'),
    logFile: path.join(tmp, 'server.log'),
    tmpDir: path.join(tmp, 'tmp'),
  });
  const remote = (file: string) => `vscode-remote://127.0.0.1:${server.port}${file}`;
  const payload = [['extensionDevelopmentPath', remote(repoRoot)]];
  const url = `http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(samples)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`\nVS Code with Claimbook is serving the samples. Open this URL in a browser:\n\n  ${url}\n\nPress Ctrl-C to stop.`);
  if (!args.has('--no-open')) {
    const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
    if (onPath(opener)) spawn(opener, [url], { stdio: 'ignore', detached: true }).unref();
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    void server.exited.then(() => resolve());
  });
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
  return 0;
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
