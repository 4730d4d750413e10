// The command line as a user gets it from a tarball: `npm pack` of this package, installed into
// an empty folder (nothing else there, no network: the bundles carry their dependencies), then
// `npx claimbook check` on a copy of the samples, clean and with an error put in.
//
//   npm run build && node out/test/packCli.js
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cleanEnv, repoRoot } from './harness';

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

function npm(args: string[], cwd: string): Ran {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', env: cleanEnv({ npm_config_update_notifier: 'false' }) });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function ok(ran: Ran, what: string): string {
  assert.equal(ran.status, 0, `${what} failed (exit ${String(ran.status)}):\n${ran.stdout}\n${ran.stderr}`);
  return ran.stdout;
}

const tests: [string, (tmp: string) => void][] = [];
let tarball = '';
let project = '';

tests.push(['npm pack holds the CLI bundles, docs and schemas, and no sources', (tmp) => {
  for (const built of ['cli.js', 'checkWorker.js']) assert.ok(fs.existsSync(path.join(repoRoot, 'dist', built)), `dist/${built} is missing: run \`npm run build\` first`);
  const [packed] = JSON.parse(ok(npm(['pack', '--json', '--pack-destination', tmp], repoRoot), 'npm pack')) as { filename: string; files: { path: string }[] }[];
  assert.ok(packed);
  tarball = path.join(tmp, packed.filename);
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/checkWorker.js', 'dist/cli.js', 'docs/rules.md', 'package.json', 'schemas/claims.schema.json', 'schemas/codebook.schema.json']);
}]);

tests.push(['the tarball installs into an empty folder without the network', (tmp) => {
  project = path.join(tmp, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "a-team-dataset", "private": true }\n');
  ok(npm(['install', '--offline', '--no-audit', '--no-fund', tarball], project), 'npm install of the tarball');
  assert.ok(fs.existsSync(path.join(project, 'node_modules', '.bin', 'claimbook')), 'no claimbook in node_modules/.bin');
}]);

tests.push(['npx claimbook check passes on a copy of the samples', () => {
  fs.cpSync(path.join(repoRoot, 'samples'), path.join(project, 'samples'), { recursive: true });
  const out = ok(npm(['exec', '--offline', '--no', '--', 'claimbook', 'check', 'samples'], project), 'npx claimbook check samples');
  // The samples hold one contradiction across articles on purpose (two infos): no error, no warning.
  assert.match(out, /^0 errors, 0 warnings, \d+ infos?, 0 hints in \d+ files?\.$/m);
}]);

tests.push(['npx claimbook check fails on an unknown actor, naming the rule', () => {
  const articles = path.join(project, 'samples', 'articles');
  const sidecar = fs.readdirSync(articles).find((f) => f.endsWith('.claims.yaml'));
  assert.ok(sidecar);
  const file = path.join(articles, sidecar);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/actor: \S+/, 'actor: nobody-of-that-name'));
  const ran = npm(['exec', '--offline', '--no', '--', 'claimbook', 'check', 'samples'], project);
  assert.equal(ran.status, 1, `expected exit 1, got ${String(ran.status)}:\n${ran.stdout}${ran.stderr}`);
  assert.match(ran.stdout, /unknown-actor/);
  assert.match(ran.stdout, /nobody-of-that-name/);
}]);

function main(): number {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-pack-'));
  let passed = 0;
  let failed = 0;
  try {
    for (const [title, test] of tests) {
      try {
        test(tmp);
        passed++;
        console.log(`  ✔ ${title}`);
      } catch (error) {
        failed++;
        console.log(`  ✘ ${title}\n${error instanceof Error ? error.message : String(error)}`);
        break; // Each step needs the one before.
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`\ntarball: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed === tests.length ? 0 : 1;
}

process.exit(main());
