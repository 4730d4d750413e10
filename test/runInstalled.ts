// The installed-.vsix smoke test: installs claimbook-<version>.vsix (built by `npm run
// package`) into the VS Code server's extensions folder with the server's own
// `--install-extension`, then opens a copy of the samples with no development path pointing at
// this repository (a probe extension stands in, so the smoke-test payload can still run a
// suite) and runs out/test/installed/ against the extension as a user would have it.
//
//   npm run package && node out/test/runInstalled.js [--vsix FILE] [runner options]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanEnv, repoRoot } from './harness';
import { main, type SuiteTarget } from './runInVsCodeServer';

function defaultVsix(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
}

/** `--vsix FILE` is ours; every other argument goes to the runner. */
function takeVsix(argv: string[]): string {
  const at = argv.indexOf('--vsix');
  if (at < 0) return defaultVsix();
  const [, file] = argv.splice(at, 2);
  return path.resolve(file ?? '');
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

const vsix = takeVsix(process.argv);
const target: SuiteTarget = {
  developmentPath: path.join(repoRoot, 'test', 'installed', 'probe'),
  testsPath: path.join(repoRoot, 'out', 'test', 'installed', 'index.js'),
  async prepare({ install, extensionsDir, env }) {
    if (!fs.existsSync(vsix)) throw new Error(`no ${vsix}: build it first with \`npm run package\``);
    const result = await run(install.node, [install.serverMain, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--accept-server-license-terms'], cleanEnv());
    console.log(`[installed] ${result.output.trim().split('\n').join('\n[installed] ')}`);
    if (result.code !== 0) throw new Error(`--install-extension ${vsix} failed (exit code ${String(result.code)})`);
    env.CLAIMBOOK_EXTENSIONS_DIR = extensionsDir;
    env.CLAIMBOOK_REPO_ROOT = repoRoot;
  },
};

void main(target).then((code) => process.exit(code));
