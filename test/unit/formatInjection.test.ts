/**
 * Issue 13 C: dataset text reaches every formatter inert. An id, a message quoting it or a file
 * name may not carry a control character to the terminal, nor start a line that GitHub Actions
 * runs as a workflow command.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, dataset, sidecarWithActor } from './support/cli';
import { formatGithub } from '../../src/cli/format/github';
import { formatText } from '../../src/cli/format/text';
import type { LocatedFinding } from '../../src/cli/format/locate';

/** What a hostile pull request puts into a dataset: newlines, workflow commands, ANSI/OSC, CR, bidi. */
const HOSTILE_ACTOR = '"x\\n::error file=README.md,line=1::INJECTED\\e[2J\\e]0;title\\a\\rz\\u202e\\u2028::warning::W"';
const HOSTILE_FILE = 'articles/b\n::error::FILE\u001b[31m\r.claims.yaml';

/** Raw control characters a formatter must never write (line feeds between our lines aside). */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/;
/** The workflow-command line GitHub Actions would run: `::` after optional blanks. */
const COMMAND = /^\s*::/;
const OUR_ANNOTATION = /^::(error|warning|notice) file=[^:,\n]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=claimbook [a-z-]+::[^\n]*$/;

function hostileDataset(): string {
  const dir = dataset({ 'articles/a.claims.yaml': sidecarWithActor(HOSTILE_ACTOR).replace('summit.txt', 'summit.txt') });
  fs.writeFileSync(path.join(dir, ...HOSTILE_FILE.split('/')), sidecarWithActor('"::error::ALSO"'));
  return dir;
}

function assertInert(output: string, format: string): void {
  assert.doesNotMatch(output, RAW_CONTROL, `${format}: a raw control character reached the output`);
  for (const line of output.split('\n')) {
    if (format === 'github' && OUR_ANNOTATION.test(line)) continue;
    assert.doesNotMatch(line, COMMAND, `${format}: a dataset starts a line of output: ${JSON.stringify(line)}`);
  }
}

describe('formatters render dataset text inert', () => {
  let dir: string;
  before(() => {
    dir = hostileDataset();
  });

  for (const format of ['text', 'github', 'json', 'sarif']) {
    it(`check --format ${format}`, async () => {
      const out = await cli(['check', dir, '--format', format], '/');
      assert.equal(out.code, 1, out.stderr);
      assertInert(out.stdout, format);
      assertInert(out.stderr, format);
      if (format === 'text' || format === 'github') {
        // Still readable: the escapes show what is there.
        assert.match(out.stdout, /x\\n::error file=README\.md/);
        assert.match(out.stdout, /\\x1b\[2J/);
        assert.match(out.stdout, /\\r/);
      } else assert.ok(JSON.parse(out.stdout));
    });
  }

  for (const format of ['text', 'json']) {
    it(`stats --format ${format}`, async () => {
      const out = await cli(['stats', dir, '--format', format], '/');
      assert.equal(out.code, 0, out.stderr);
      assertInert(out.stdout, `stats ${format}`);
      if (format === 'json') assert.ok(JSON.parse(out.stdout));
    });
  }

  it('github annotations escape %, CR, LF and, in properties, : and ,', () => {
    const f: LocatedFinding = { rule: 'unknown-actor', severity: 'error', message: '100% a\r\nb', file: 'a:b,c.claims.yaml', line: 1, column: 1, endLine: 1, endColumn: 2, start: 0, end: 1 };
    const [line] = formatGithub([f]).split('\n');
    assert.equal(line, '::error file=a%3Ab%2Cc.claims.yaml,line=1,col=1,endLine=1,endColumn=2,title=claimbook unknown-actor::100%25 a\\r\\nb');
  });

  it('a file name starting with :: cannot start a text line', () => {
    const f: LocatedFinding = { rule: 'file-unreadable', severity: 'error', message: 'm', file: '::error::x', line: 1, column: 1, endLine: 1, endColumn: 1, start: 0, end: 0, id: 'i\u001b' };
    const [line] = formatText([f]).split('\n');
    assert.equal(line, '\\x3a:error::x:1:1  error    m  file-unreadable [i\\x1b]');
  });
});
