/**
 * Activation must not pay for evaluating yaml, ajv and js-yaml (issue 6): the extension bundle,
 * built as esbuild.js builds it, requires none of them while it loads or activates; each is
 * required by the first call that needs it. The libraries are left external so that the probe
 * (support/libraryProbe.ts) sees every `require` of them: an eager `import` of any of them
 * anywhere in what the extension bundles becomes a `require` at load and fails the first check.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '../../..');
const PROBE = path.join(__dirname, 'support', 'libraryProbe.js');

/** The extension's entry, plus one core entry point per library for the positive checks. */
const ENTRY = `
export { activate } from './src/extension/extension';
export { parseYaml } from './src/core/yaml/parse';
export { jsYamlValue } from './src/core/dataset/fastYaml';
export { validateCodebook } from './src/core/schema/validate';
`;

describe('libraries load on first use', () => {
  let dir: string;
  let steps: Record<string, string[]>;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-lazy-'));
    const outfile = path.join(dir, 'probe-bundle.js');
    // The options of esbuild.js's production build, with the libraries left outside.
    await esbuild.build({
      stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'probe-entry.ts' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      minify: true,
      mainFields: ['module', 'main'],
      external: ['vscode', 'yaml', 'ajv', 'js-yaml'],
      outfile,
      logLevel: 'silent',
    });
    steps = JSON.parse(execFileSync(process.execPath, [PROBE, outfile, ROOT], { encoding: 'utf8' })) as Record<string, string[]>;
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loading the bundle requires none of them', () => {
    assert.deepEqual(steps.load, []);
  });

  it('activate() requires none of them', () => {
    assert.deepEqual(steps.activate, []);
  });

  it('each is required by the first call that needs it, and only then', () => {
    assert.deepEqual(steps.parseYaml, ['yaml']);
    assert.deepEqual(steps.jsYamlValue, ['js-yaml']);
    assert.deepEqual(steps.validateCodebook, ['ajv']);
  });
});
