import assert from 'node:assert/strict';
import codebookSchema from '../../schemas/codebook.schema.json';
import claimsSchema from '../../schemas/claims.schema.json';
import { validateCodebook, validateSidecar, type SchemaProblem } from '../../src/core/schema/validate';
import { knownPatterns } from '../../src/core/schema/messages';
import { parseYaml } from '../../src/core/yaml/parse';

/** Each problem as `message @ covered text`, for exact assertions. */
function shown(text: string, problems: SchemaProblem[]): string[] {
  return problems.map((p) => `${p.message} @ ${text.slice(p.start, p.end)}`);
}

function codebook(text: string): string[] {
  return shown(text, validateCodebook(parseYaml(text)));
}

function sidecar(text: string): string[] {
  return shown(text, validateSidecar(parseYaml(text)));
}

const CODEBOOK = `claimbook: 1
dataset:
  articles: ["articles/**/*.txt"]
actors:
  macron:
    name: Emmanuel Macron
    type: person
    aliases: [Macron, President Macron]
    represents: france
    wikidata: Q3052772
  france: { name: France, type: state, aliases: [French] }
actor-types: [person, state, organisation, coalition]
commitments:
  security-guarantee:
    label: Security guarantee
    description: A promise to defend.
    actor-types: [state, person]
    fields:
      binding: { type: enum, values: [political, legal, both] }
  troop-deployment:
    label: Deploy troops
    parent: military-support
    fields:
      location: { type: string, required: true }
stances:
  pledge:      { label: Pledge }
  conditional: { label: Conditional pledge, requires: [condition] }
  refusal:     { label: Refusal }
contradictions:
  - [pledge, refusal]
`;

const SIDECAR = `article: 2025-03-11-military-chiefs.txt
source:
  title: Military chiefs meet in Paris
  url: https://example.org/a
  published: 2025-03-11
  outlet: Example News
text-sha256: ${'a'.repeat(64)}
claims:
  - id: c-4k9x2m
    actor: macron
    commitment: troop-deployment
    stance: conditional
    condition: only after a peace deal is signed
    fields: { location: Ukraine, troops: 5000, binding: false }
    speaker: macron
    annotator: alice
    note: free text
    quote:
      exact: "any deployment"
      prefix: "has emphasized that "
      suffix: " of European troops"
      start: 1234
      end: 1248
`;

describe('schema: valid files', () => {
  it('accepts the codebook of DESIGN §1.1', () => {
    assert.deepEqual(codebook(CODEBOOK), []);
  });

  it('accepts the sidecar of DESIGN §1.2, with extra source keys', () => {
    assert.deepEqual(sidecar(SIDECAR), []);
  });

  it('accepts a minimal codebook and a minimal sidecar', () => {
    assert.deepEqual(codebook('claimbook: 1\nactors: {}\nstances: {}\n'), []);
    assert.deepEqual(sidecar('article: a.txt\n'), []);
  });
});

describe('schema: ajv errors mapped to YAML ranges', () => {
  it('wrong type: the value, block style', () => {
    const text = CODEBOOK.replace('name: Emmanuel Macron', 'name: [Emmanuel, Macron]');
    assert.deepEqual(codebook(text), ['"name" must be a string, not a list @ [Emmanuel, Macron]']);
  });

  it('wrong type: the value, flow style', () => {
    const text = CODEBOOK.replace('{ name: France, type: state', '{ name: France, type: 7');
    assert.deepEqual(codebook(text), ['"type" must be a string (7 was read as a number; put it in quotes) @ 7']);
  });

  it('wrong type of a block map value covers the map without trailing comments', () => {
    const text = 'claimbook: 1\nactors:\n  - macron\n  - france   # two\n\nstances: {}\n';
    assert.deepEqual(codebook(text), ['"actors" must be a map (key: value pairs), not a list @ - macron\n  - france']);
  });

  it('missing required key: the key of the map in its parent', () => {
    const text = CODEBOOK.replace('    name: Emmanuel Macron\n', '');
    assert.deepEqual(codebook(text), ['missing required key "name" in actor "macron" @ macron']);
  });

  it('missing required key in a flow map', () => {
    const text = CODEBOOK.replace('{ name: France, type: state, aliases: [French] }', '{ name: France }');
    assert.deepEqual(codebook(text), ['missing required key "type" in actor "france" @ france']);
  });

  it('missing required key at the top level: the first key, not the whole file', () => {
    const text = 'claimbook: 1\nactors: {}\n';
    assert.deepEqual(codebook(text), ['missing required top-level key "stances" @ claimbook']);
  });

  it('missing required key in a list item: its first key, naming the claim', () => {
    const text = SIDECAR.replace('    stance: conditional\n', '');
    assert.deepEqual(sidecar(text), ['missing required key "stance" in claim "c-4k9x2m" @ id']);
  });

  it('unknown key: the key itself', () => {
    const text = CODEBOOK.replace('    type: person\n', '    type: person\n    colour: blue\n');
    assert.deepEqual(codebook(text), ['unknown key "colour" in actor "macron" @ colour']);
  });

  it('unknown key in a flow map and at the top level', () => {
    const text = CODEBOOK.replace('{ name: France,', '{ name: France, colour: blue,') + 'extra: 1\n';
    assert.deepEqual(codebook(text), ['unknown key "colour" in actor "france" @ colour', 'unknown top-level key "extra" @ extra']);
  });

  it('unknown keys containing "/" and "~"', () => {
    const text = CODEBOOK.replace('    type: person\n', '    type: person\n    "a/b": 1\n    c~d: 2\n');
    const problems = validateCodebook(parseYaml(text));
    assert.deepEqual(shown(text, problems), ['unknown key "a/b" in actor "macron" @ "a/b"', 'unknown key "c~d" in actor "macron" @ c~d']);
    assert.deepEqual(
      problems.map((p) => p.pointer),
      ['/actors/macron/a~1b', '/actors/macron/c~0d'],
    );
  });

  it('a bad value under a key containing "/" is found through the pointer', () => {
    const text = 'article: a.txt\nclaims:\n  - id: c-1\n    actor: a\n    commitment: b\n    stance: c\n    fields: { "x/y": [1], "p~q": {} }\n    quote: { exact: e, start: 0, end: 1 }\n';
    const problems = validateSidecar(parseYaml(text));
    assert.deepEqual(shown(text, problems), [
      '"x/y" must be a string, a number or true or false, not a list @ [1]',
      '"p~q" must be a string, a number or true or false, not a map @ {}',
    ]);
    assert.deepEqual(
      problems.map((p) => p.pointer),
      ['/claims/0/fields/x~1y', '/claims/0/fields/p~0q'],
    );
  });

  it('bad ids (propertyNames): the key, with a kebab-case suggestion', () => {
    const text = CODEBOOK.replace('  macron:\n', '  Emmanuel Macron:\n');
    assert.deepEqual(codebook(text), [
      'actor id "Emmanuel Macron" must be lower-kebab-case (lowercase letters and digits joined by single hyphens), e.g. "emmanuel-macron" @ Emmanuel Macron',
    ]);
  });

  it('enum: lists the allowed values', () => {
    const text = CODEBOOK.replace('location: { type: string', 'location: { type: text');
    assert.deepEqual(codebook(text), ['"type" must be one of: string, number, boolean, date, money, enum, actor @ text']);
  });

  it('an enum field needs values', () => {
    const text = CODEBOOK.replace('binding: { type: enum, values: [political, legal, both] }', 'binding: { type: enum }');
    assert.deepEqual(codebook(text), ['missing required key "values" in field "binding" of commitment "security-guarantee" @ binding']);
  });

  it('const, pattern, minItems, uniqueItems', () => {
    const text = CODEBOOK.replace('claimbook: 1', 'claimbook: 2')
      .replace('wikidata: Q3052772', 'wikidata: "3052772"')
      .replace('- [pledge, refusal]', '- [pledge]')
      .replace('actor-types: [person, state, organisation, coalition]', 'actor-types: [person, state, person]');
    assert.deepEqual(codebook(text), [
      '"claimbook" must be 1, not 2 @ 2',
      '"wikidata" must be a Wikidata item id such as Q3052772 @ "3052772"',
      '"actor-types" lists "person" twice (items 1 and 3) @ person',
      'contradiction 1 must have exactly 2 items @ [pledge]',
    ]);
  });

  it('an empty value underlines its key', () => {
    const text = CODEBOOK.replace('name: Emmanuel Macron', 'name:');
    assert.deepEqual(codebook(text), ['"name" has no value; it must be a string @ name:']);
  });

  it('numeric-looking ids: 0123 was read as the number 123', () => {
    const text = SIDECAR.replace('id: c-4k9x2m', 'id: 0123');
    assert.deepEqual(sidecar(text), ['"id" must be a string (0123 was read as the number 123; put it in quotes) @ 0123']);
    assert.deepEqual(sidecar(SIDECAR.replace('id: c-4k9x2m', 'id: "0123"')), []);
  });

  it('other YAML typing: booleans and null', () => {
    const text = SIDECAR.replace('actor: macron', 'actor: true').replace('stance: conditional', 'stance: ~');
    assert.deepEqual(sidecar(text), [
      '"actor" must be a string (true was read as the boolean true; put it in quotes) @ true',
      '"stance" must be a string (~ was read as null; put it in quotes) @ ~',
    ]);
  });

  it('quote offsets must be non-negative integers and exact non-empty', () => {
    const text = SIDECAR.replace('start: 1234', 'start: -1').replace('end: 1248', 'end: 12.5').replace('exact: "any deployment"', 'exact: ""');
    assert.deepEqual(sidecar(text), ['"exact" must not be empty @ ""', '"start" must be 0 or more @ -1', '"end" must be a whole number, not 12.5 @ 12.5']);
  });

  it('claim id pattern, sha256 pattern and dates', () => {
    const text = SIDECAR.replace('id: c-4k9x2m', 'id: "-x y"').replace(`text-sha256: ${'a'.repeat(64)}`, 'text-sha256: ABC').replace('published: 2025-03-11', 'published: March 2025');
    assert.deepEqual(sidecar(text), [
      '"published" must be an ISO 8601 date such as 2025-03-11 @ March 2025',
      '"text-sha256" must be 64 lowercase hexadecimal digits (a SHA-256) @ ABC',
      '"id" must start with a letter or digit and hold only letters, digits, "-" and "_" @ "-x y"',
    ]);
  });

  it('a sidecar that is a list: one problem on the first line, no crash', () => {
    const text = '- id: c-1\n  actor: macron\n- id: c-2\n';
    assert.deepEqual(sidecar(text), ['the sidecar must be a map (key: value pairs), not a list @ - id: c-1']);
  });

  it('a sidecar that is a scalar', () => {
    assert.deepEqual(sidecar('just text\n'), ['the sidecar must be a map (key: value pairs), not a string @ just text']);
  });

  it('an empty file says which keys are needed', () => {
    assert.deepEqual(codebook(''), ['the file is empty; a codebook needs the keys "claimbook", "actors" and "stances" @ ']);
    assert.deepEqual(sidecar('# nothing yet\n'), ['the file is empty; a sidecar needs the key "article" @ ']);
  });

  it('returns nothing when the YAML was refused', () => {
    const text = 'article: a\n<<<<<<< HEAD\nclaims: []\n=======\n>>>>>>> b\n';
    assert.deepEqual(validateSidecar(parseYaml(text)), []);
  });

  it('a claim without an id is named by its position', () => {
    const text = 'article: a.txt\nclaims:\n  - actor: a\n    commitment: b\n    stance: c\n    quote: { exact: e, start: 0, end: 1 }\n';
    assert.deepEqual(sidecar(text), ['missing required key "id" in claim 1 @ actor']);
  });

  it('reports each problem once, sorted by position', () => {
    const text = 'article: 1\nclaims:\n  - { id: 1, actor: 2, commitment: 3, stance: 4, quote: { exact: 5, start: 0, end: 1 } }\n  - 7\n';
    const problems = validateSidecar(parseYaml(text));
    const keys = problems.map((p) => `${p.start}:${p.end}:${p.message}`);
    assert.equal(new Set(keys).size, keys.length);
    assert.deepEqual(
      problems.map((p) => p.start),
      [...problems.map((p) => p.start)].sort((a, b) => a - b),
    );
    assert.equal(problems.length, 7);
    assert.deepEqual(shown(text, problems).at(-1), 'claim 2 must be a map (key: value pairs), not 7 @ 7');
  });
});

describe('schema files', () => {
  /** Every object schema found in a schema, with its location. */
  function* walkSchemas(node: unknown, at: string): Generator<[string, Record<string, unknown>]> {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) yield* walkSchemas(item, `${at}/${i}`);
      return;
    }
    const record = node as Record<string, unknown>;
    yield [at, record];
    for (const [key, value] of Object.entries(record)) yield* walkSchemas(value, `${at}/${key}`);
  }

  for (const [name, schema] of [['codebook', codebookSchema], ['claims', claimsSchema]] as const) {
    it(`${name}: has $id and a description on every property (hover text in VS Code)`, () => {
      assert.ok(typeof schema.$id === 'string' && schema.$id.length > 0);
      const defs = (schema as { definitions: Record<string, Record<string, unknown>> }).definitions;
      const missing: string[] = [];
      for (const [at, node] of walkSchemas(schema, '#')) {
        const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
        if (!properties || at.includes('/if') || at.includes('/then')) continue;
        for (const [key, property] of Object.entries(properties)) {
          const ref = typeof property.$ref === 'string' ? defs[property.$ref.replace('#/definitions/', '')] : undefined;
          if (typeof property.description !== 'string' && typeof ref?.description !== 'string') missing.push(`${at}/${key}`);
        }
      }
      assert.deepEqual(missing, []);
    });

    it(`${name}: every pattern has words in the messages`, () => {
      const patterns = [...walkSchemas(schema, '#')].map(([, node]) => node.pattern).filter((p): p is string => typeof p === 'string');
      assert.ok(patterns.length > 0);
      for (const pattern of patterns) assert.ok(knownPatterns().includes(pattern), `no wording for ${pattern}`);
    });
  }
});
