/** `claimbook fmt` through the CLI, as a user runs it. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/run';

const SAMPLES = path.resolve(__dirname, '../../../samples');
const SIDECAR = 'articles/2025-03-11-military-chiefs-meet-in-paris.claims.yaml';
const OTHER = 'articles/paris-summit-advances-security-guarantees-for-ukraine.claims.yaml';

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function dataset(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-fmt-'));
  fs.cpSync(SAMPLES, dir, { recursive: true });
  return dir;
}

describe('claimbook fmt', () => {
  it('--check lists what would change and exits 1, writing nothing; fmt then writes it, and again changes nothing', async () => {
    const dir = dataset();
    const file = path.join(dir, SIDECAR);
    const canonical = fs.readFileSync(file, 'utf8');
    const messy = canonical.replace(/\n\n  - id:/g, '\n  - id:').replace('stance: report', "stance: 'report'");
    fs.writeFileSync(file, messy);
    const check = await cli(['fmt', '.', '--check'], dir);
    assert.equal(check.code, 1);
    assert.match(check.stdout, new RegExp(`^${SIDECAR.replace(/\./g, '\\.')}: not in canonical form`, 'm'));
    assert.match(check.stdout, /1 of 5 sidecars would be reformatted\./);
    assert.equal(fs.readFileSync(file, 'utf8'), messy);
    const fmt = await cli(['fmt', '.'], dir);
    assert.equal(fmt.code, 0);
    assert.equal(fs.readFileSync(file, 'utf8'), canonical);
    const again = await cli(['fmt', dir, '--check'], os.tmpdir());
    assert.equal(again.code, 0, again.stdout);
    assert.match(again.stdout, /0 of 5 sidecars would be reformatted\./);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'articles')).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
  });

  it('never rewrites a file with a syntax error or conflict markers, names it, exits 1, and formats the others', async () => {
    const dir = dataset();
    const broken = path.join(dir, SIDECAR);
    const text = fs.readFileSync(broken, 'utf8').replace('claims:\n', 'claims:\n<<<<<<< ours\n=======\n>>>>>>> theirs\n');
    fs.writeFileSync(broken, text);
    const other = path.join(dir, OTHER);
    const canonical = fs.readFileSync(other, 'utf8');
    fs.writeFileSync(other, canonical.replace(/\n\n  - id:/g, '\n  - id:'));
    const fmt = await cli(['fmt', dir], dir);
    assert.equal(fmt.code, 1);
    assert.match(fmt.stdout, new RegExp(`${SIDECAR.replace(/\./g, '\\.')}:9:1  error    not formatted: git merge conflict marker \\(start\\)`));
    assert.match(fmt.stdout, /1 not formatted/);
    assert.equal(fs.readFileSync(broken, 'utf8'), text);
    assert.equal(fs.readFileSync(other, 'utf8'), canonical);
  });

  it('refuses two folders and unknown flags as usage errors', async () => {
    assert.equal((await cli(['fmt', 'a', 'b'], os.tmpdir())).code, 2);
    assert.equal((await cli(['fmt', '--fix'], os.tmpdir())).code, 2);
  });
});
