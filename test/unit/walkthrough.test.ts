/** The README's "annotate your first claim by hand" walkthrough, step by step, on a copy of the samples. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/run';

const ROOT = path.resolve(__dirname, '../../..');

async function check(dir: string, ...flags: string[]): Promise<{ code: number; findings: Array<{ rule: string; severity: string }> }> {
  let stdout = '';
  const code = await run(['check', dir, '--format', 'json', ...flags], { cwd: '/', stdout: (t) => (stdout += t), stderr: () => undefined });
  return { code, findings: JSON.parse(stdout) as Array<{ rule: string; severity: string }> };
}

describe('README walkthrough', () => {
  it('a hand-written claim with a guessed offset is anchored by --fix and then checks clean', async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /```yaml\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf('Annotate your first claim')))?.[1];
    assert.ok(block, 'the README has the claim block');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-readme-'));
    fs.cpSync(path.join(ROOT, 'samples'), dir, { recursive: true });
    const sidecar = path.join(dir, 'articles/paris-summit-advances-security-guarantees-for-ukraine.claims.yaml');
    fs.appendFileSync(sidecar, `\n${block.replace(/^ {3}/gm, '')}`);

    const first = await check(dir);
    // The samples' own contradiction (two infos) is there before and after; the new claim adds only anchor-moved.
    const own = (fs: Array<{ rule: string; severity: string }>) => fs.filter((f) => f.rule !== 'contradiction');
    assert.equal(first.findings.filter((f) => f.rule === 'contradiction').length, 2, "the samples' contradiction");
    assert.deepEqual(own(first.findings).map((f) => `${f.severity} ${f.rule}`), ['info anchor-moved'], 'the guessed offset is reported as moved');
    assert.equal(first.code, 0, 'information only: the check passes');

    const fixed = await check(dir, '--fix');
    assert.deepEqual(own(fixed.findings), []);
    const text = fs.readFileSync(sidecar, 'utf8');
    assert.match(text, /# any id unique in the file/, 'the comment survives');
    assert.match(text, /prefix: ".+"/, 'the fix adds context');
  });
});
