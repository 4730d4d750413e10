// The YAML parser's errors reach the user in plain words with what to do: every error code of
// the `yaml` package has its own sentence, and the broken files a new user makes get them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseYaml } from '../../src/core/yaml/parse';
import { plainYamlMessage } from '../../src/core/yaml/plainMessages';

/** The codes of yaml 2.x's ErrorCode type (node_modules/yaml/dist/errors.d.ts). */
const CODES = [
  'ALIAS_PROPS', 'BAD_ALIAS', 'BAD_COLLECTION_TYPE', 'BAD_DIRECTIVE', 'BAD_DQ_ESCAPE', 'BAD_INDENT', 'BAD_PROP_ORDER', 'BAD_SCALAR_START',
  'BLOCK_AS_IMPLICIT_KEY', 'BLOCK_IN_FLOW', 'DUPLICATE_KEY', 'IMPOSSIBLE', 'MISSING_CHAR', 'MULTILINE_IMPLICIT_KEY', 'MULTIPLE_ANCHORS',
  'MULTIPLE_DOCS', 'MULTIPLE_TAGS', 'NON_STRING_KEY', 'TAG_RESOLVE_FAILED', 'TAB_AS_INDENT', 'RESOURCE_EXHAUSTION', 'KEY_OVER_1024_CHARS', 'UNEXPECTED_TOKEN',
];

describe('plain YAML messages', () => {
  it('gives every error code of the yaml package its own sentence', () => {
    for (const code of CODES) {
      const message = plainYamlMessage(code, 'PARSER TEXT');
      assert.ok(!message.startsWith('PARSER TEXT'), `${code} has a sentence of its own`);
      assert.ok(message.length > 30, `${code}: "${message}" says what to do`);
    }
    assert.equal(plainYamlMessage('SOMETHING_NEW', 'parser text'), 'parser text', 'an unknown code keeps the parser message');
  });

  it('the codes listed here are the codes the installed yaml package declares', () => {
    const declared = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'node_modules', 'yaml', 'dist', 'errors.d.ts'), 'utf8');
    const union = /type ErrorCode =([^;]+);/.exec(declared)?.[1] ?? '';
    const codes = [...union.matchAll(/'([A-Z0-9_]+)'/g)].map((m) => m[1]).sort();
    assert.ok(codes.length > 10, 'ErrorCode found in yaml/dist/errors.d.ts');
    assert.deepEqual(codes, [...CODES].sort());
  });

  const cases: Array<[string, string, RegExp]> = [
    ['a name without its colon', 'actors:\n  eu:\n    name European Union\n    type: organisation\n', /missing its ":"/],
    ['a tab', 'a:\n\tb: 1\n', /only spaces/],
    ['an unclosed quote', 'a: "abc\n', /closing quote/],
    ['an unclosed list', 'a: [1, 2\nb: 3\n', /not closed/],
    ['a misaligned key', 'a:\n  b: 1\n c: 2\n', /same column/],
    ['a reserved first character', 'a: @x\n', /in quotes/],
  ];
  for (const [what, text, expected] of cases) {
    it(`${what} reads as a sentence with what to do`, () => {
      const problems = parseYaml(text).problems;
      assert.ok(problems.length > 0, 'a problem');
      assert.ok(problems.some((p) => expected.test(p.message)), problems.map((p) => p.message).join(' | '));
      assert.ok(!problems.some((p) => /Implicit keys|implicit map|block-seq-ind|sufficiently indented/.test(p.message)), 'no parser jargon');
    });
  }
});
