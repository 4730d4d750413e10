// `npm run test:fuzz`: the property tests with more cases than CI runs (test/unit/fastPathFuzz.test.ts).
//
//   npm run test:fuzz [-- --cases 200000] [-- --seed 42] [-- --case 1234]
//
// Without --seed, a new seed is drawn and printed, so every local run explores new inputs and a
// failure can be replayed with the seed and case it names.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const DEFAULT_CASES = 200_000;

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  const arg = args[at] as string;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[at + 1];
}

function whole(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) {
    console.error(`--${name} must be a whole number, not ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return Number(raw);
}

const cases = whole('cases', option('cases') ?? process.env.CLAIMBOOK_FUZZ_CASES, DEFAULT_CASES);
const seed = whole('seed', option('seed') ?? process.env.CLAIMBOOK_FUZZ_SEED, Math.floor(Math.random() * 2 ** 31));
const only = option('case');
console.log(`fuzz: ${only === undefined ? `${cases} cases` : `case ${only}`}, seed ${seed}`);

const root = path.resolve(__dirname, '..', '..');
const env: NodeJS.ProcessEnv = { ...process.env, CLAIMBOOK_FUZZ_CASES: String(cases), CLAIMBOOK_FUZZ_SEED: String(seed), CLAIMBOOK_FUZZ_VERBOSE: '1' };
if (only !== undefined) env.CLAIMBOOK_FUZZ_CASE = String(whole('case', only, 0));
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const result = spawnSync(process.execPath, [mocha, '--no-config', '--enable-source-maps', '--timeout', '60000', 'out/test/unit/fastPathFuzz.test.js'], { cwd: root, env, stdio: 'inherit' });
if (result.status !== 0) console.error(`fuzz failed with seed ${seed}: npm run test:fuzz -- --seed ${seed} --cases ${cases}`);
process.exit(result.status ?? 1);
