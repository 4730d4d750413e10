/**
 * Issue 13 C: every flag × bad value is a usage error (exit 2, a message naming the flag), a flag
 * of another command is refused, and a closed stdout ends the CLI quietly.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { cli, dataset } from './support/cli';

const MAIN = path.resolve(__dirname, '../../src/cli/main.js');

describe('CLI arguments: every flag × bad value', () => {
  let dir: string;
  before(() => {
    dir = dataset();
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['--max-warnings= (empty)', ['check', '--max-warnings='], /--max-warnings/],
    ['--max-warnings 0x10', ['check', '--max-warnings', '0x10'], /--max-warnings/],
    ['--max-warnings 1e3', ['check', '--max-warnings', '1e3'], /--max-warnings/],
    ['--max-warnings " 3"', ['check', '--max-warnings', ' 3'], /--max-warnings/],
    ['--max-warnings 1.5', ['check', '--max-warnings', '1.5'], /--max-warnings/],
    ['--max-warnings -1', ['check', '--max-warnings=-1'], /--max-warnings/],
    ['--max-warnings Infinity', ['check', '--max-warnings', 'Infinity'], /--max-warnings/],
    ['--max-warnings +3', ['check', '--max-warnings', '+3'], /--max-warnings/],
    ['--max-warnings with no value', ['check', '--max-warnings'], /--max-warnings/],
    ['--format= (empty)', ['check', '--format='], /--format/],
    ['--format xml', ['check', '--format', 'xml'], /--format/],
    ['--format JSON (case)', ['check', '--format', 'JSON'], /--format/],
    ['--fix=yes', ['check', '--fix=yes'], /--fix/],
    ['--hints=1', ['check', '--hints=1'], /--hints/],
    ['--format given twice', ['check', '--format', 'json', '--format', 'text'], /--format/],
    ['two folders', ['check', '.', '.'], /one folder/],
    ['an unknown flag', ['check', '--fxi'], /--fxi/],
    ['a short flag we do not have', ['check', '-x'], /-x/],
    ['--watch --fix', ['check', '--watch', '--fix'], /--watch/],
    ['--watch --format sarif', ['check', '--watch', '--format', 'sarif'], /--watch/],
    ['stats --fix', ['stats', '--fix'], /--fix/],
    ['stats --max-warnings 3', ['stats', '--max-warnings', '3'], /--max-warnings/],
    ['stats --hints', ['stats', '--hints'], /--hints/],
    ['stats --watch', ['stats', '--watch'], /--watch/],
    ['stats --format sarif', ['stats', '--format', 'sarif'], /--format/],
    ['stats two folders', ['stats', '.', '.'], /one folder/],
    ['an unknown command', ['chek'], /chek/],
    ['a missing folder', ['check', 'no-such-folder'], /not a folder/],
  ];
  for (const [what, args, names] of usage) {
    it(`${what} is a usage error`, async () => {
      const out = await cli(args, dir);
      assert.equal(out.code, 2, `exit code for ${args.join(' ')}`);
      assert.equal(out.stdout, '');
      const [first] = out.stderr.split('\n');
      assert.match(first ?? '', names);
      assert.match(first ?? '', /^claimbook: /);
    });
  }

  it('--max-warnings takes plain whole numbers, 0 included', async () => {
    assert.equal((await cli(['check', '--max-warnings', '0'], dir)).code, 0);
    assert.equal((await cli(['check', '--max-warnings=007'], dir)).code, 0);
  });
});

describe('CLI output closed early', () => {
  it('exits quietly when stdout closes (claimbook check | head -1)', async () => {
    // More findings than a pipe holds (64 KB), so writes are still pending when it closes.
    const claims = Array.from({ length: 1000 }, (_, i) => `  - { id: c-${String(i).padStart(6, '0')}, actor: nobody-${i}, commitment: troop-deployment, stance: refusal, quote: { exact: "Germany refused" } }`);
    const dir = dataset({ 'articles/many.claims.yaml': `article: summit.txt\nclaims:\n${claims.join('\n')}\n` });
    const child = spawn(process.execPath, [MAIN, 'check', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read the first chunk, then close the pipe as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.equal(stderr, '', 'no stack trace');
    assert.notEqual(code, 0, 'the output was cut: not a clean pass');
  });
});
