/** Codebook edits that keep comments (new actor, new alias), rename across files, and the pickers' data. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, checkDataset, loadCodebookFile, loadSidecarFile, type CodebookFile, type FieldSpec } from '../../src/core';
import {
  addActor,
  addAlias,
  commitmentChoices,
  idProblem,
  newCodebookText,
  parseFieldInput,
  renameEdits,
  requirements,
  stanceChoices,
  suggestId,
  type EditResult,
  type RenameInput,
} from '../../src/core/edit';
import { codebookOccurrences, sidecarOccurrences } from '../../src/core/language';
import { FIXTURES } from './support/fixtures';
import { MemoryHost } from './support/memoryHost';

const ROOT = path.resolve(__dirname, '../../..');
const SAMPLES = path.join(ROOT, 'samples');
const SAMPLE_CODEBOOK = fs.readFileSync(path.join(SAMPLES, 'claimbook.yaml'), 'utf8');
const BASE_CODEBOOK = fs.readFileSync(path.join(FIXTURES, '_base/claimbook.yaml'), 'utf8');

function apply(file: CodebookFile, result: EditResult): string {
  assert.ok(result.ok, result.ok ? '' : result.problem.message);
  return applyEdits(file.text, result.edits).text;
}

const samples = () => loadCodebookFile('claimbook.yaml', SAMPLE_CODEBOOK);

describe('edit: adding actors and aliases to the codebook', () => {
  it('adds an actor after the last of its type, indented like its neighbours, comments kept', () => {
    const file = samples();
    const text = apply(file, addActor(file, { id: 'mark-rutte', name: 'Mark Rutte', type: 'person', aliases: ['Rutte', 'Mark Rutte'] }));
    const after = loadCodebookFile('claimbook.yaml', text);
    assert.equal(after.parsed.problems.length, 0);
    assert.deepEqual(after.model.actors.get('mark-rutte'), { id: 'mark-rutte', name: 'Mark Rutte', type: 'person', aliases: ['Rutte', 'Mark Rutte'], represents: undefined, wikidata: undefined });
    const ids = [...after.model.actors.keys()];
    assert.equal(ids[ids.indexOf('maduro') + 1], 'mark-rutte', 'right after the last person');
    assert.match(text, / {4}aliases: \[Maduro, Nicolas Maduro, Nicolás Maduro\]\n {4}represents: venezuela\n {2}mark-rutte:\n {4}name: Mark Rutte\n {4}type: person\n {4}aliases: \[Rutte, Mark Rutte\]\n\n {2}# ---- states/);
    for (const comment of SAMPLE_CODEBOOK.match(/#.*$/gm) ?? []) assert.ok(text.includes(comment), comment);
  });

  it('refuses a taken id, a bad id and an alias of another actor', () => {
    const file = samples();
    const taken = addActor(file, { id: 'macron', name: 'X', type: 'person', aliases: [] });
    assert.match(taken.ok ? '' : taken.problem.message, /already used/);
    const bad = addActor(file, { id: 'Bad Id', name: 'X', type: 'person', aliases: [] });
    assert.match(bad.ok ? '' : bad.problem.message, /lower-kebab-case/);
    const clash = addActor(file, { id: 'emmanuel', name: 'Emmanuel', type: 'person', aliases: ['president macron'] });
    assert.match(clash.ok ? '' : clash.problem.message, /'president macron' already belongs to actor 'macron'/);
  });

  it('adds an alias to a flow list, a block list, or a new list after type', () => {
    const file = samples();
    const flow = apply(file, addAlias(file, 'macron', 'Emmanuel Jean-Michel Macron'));
    assert.match(flow, /aliases: \[Macron, Emmanuel Macron, President Macron, French President Emmanuel Macron, Emmanuel Jean-Michel Macron\]/);
    const block = apply(file, addAlias(file, 'starmer', 'PM Starmer'));
    assert.match(block, / {6}- British Prime Minister Sir Keir Starmer\n {6}- PM Starmer\n {4}represents: united-kingdom/);
    const bare = loadCodebookFile('claimbook.yaml', 'claimbook: 1\nactors:\n  x:\n    name: X   # the x\n    type: state\n    wikidata: Q1\nstances: {}\n');
    assert.equal(apply(bare, addAlias(bare, 'x', "X's")), 'claimbook: 1\nactors:\n  x:\n    name: X   # the x\n    type: state\n    aliases: ["X\'s"]\n    wikidata: Q1\nstances: {}\n');
    for (const [actor, alias, why] of [['macron', 'Macron', /already a name or alias of 'macron'/], ['macron', 'Kremlin', /belongs to actor 'russia'/], ['nobody', 'X', /no actor/]] as const) {
      const r = addAlias(file, actor, alias);
      assert.match(r.ok ? '' : r.problem.message, why);
    }
  });

  it('suggests ids from names and checks typed ids', () => {
    assert.equal(suggestId('Recep Tayyip Erdoğan', new Set()), 'recep-tayyip-erdogan');
    assert.equal(suggestId('U.S. Department of State', new Set()), 'us-department-of-state');
    assert.equal(suggestId('Macron', new Set(['macron', 'macron-2'])), 'macron-3');
    assert.equal(suggestId('!!!', new Set()), 'actor');
    assert.equal(idProblem('ok-id', new Set()), undefined);
    assert.match(idProblem('ok-id', new Set(['ok-id'])) ?? '', /already used/);
    assert.match(idProblem('-bad', new Set()) ?? '', /kebab/);
  });

  it('a new dataset codebook is valid and has the default stances', () => {
    const file = loadCodebookFile('claimbook.yaml', newCodebookText());
    assert.deepEqual(file.parsed.problems, []);
    assert.deepEqual(file.schema, []);
    assert.deepEqual([...file.model.stances.keys()], ['pledge', 'conditional', 'proposal', 'refusal', 'demand', 'report']);
    assert.equal(file.model.actors.size, 1);
    assert.equal(file.model.commitments.size, 1);
  });
});

describe('edit: rename across the codebook and sidecars', () => {
  it('renames an actor everywhere it is referenced, and the dataset still checks clean', async () => {
    const files = new Map<string, string>();
    for (const f of fs.readdirSync(path.join(SAMPLES, 'articles'))) files.set(`articles/${f}`, fs.readFileSync(path.join(SAMPLES, 'articles', f), 'utf8'));
    files.set('claimbook.yaml', SAMPLE_CODEBOOK);
    const codebook = loadCodebookFile('claimbook.yaml', SAMPLE_CODEBOOK);
    const inputs: RenameInput[] = [{ file: codebook, occurrences: codebookOccurrences(codebook) }];
    for (const [p, text] of files) {
      if (!p.endsWith('.claims.yaml')) continue;
      const s = loadSidecarFile(p, text);
      inputs.push({ file: s, occurrences: sidecarOccurrences(s, codebook.model) });
    }
    const result = renameEdits(inputs, 'actor', 'united-states', 'usa', new Set(codebook.model.actors.keys()));
    assert.ok(result.ok);
    assert.ok(result.edits.size >= 3, `edits in ${[...result.edits.keys()].join(', ')}`);
    for (const [p, edits] of result.edits) files.set(p, applyEdits(files.get(p) as string, edits).text);
    const renamed = files.get('claimbook.yaml') as string;
    assert.match(renamed, /^ {2}usa:$/m);
    assert.doesNotMatch(renamed, /united-states/);
    assert.match(renamed, /represents: usa/);
    const check = await checkDataset(new MemoryHost(files));
    assert.deepEqual(check.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.file}: ${f.message}`), []);
    for (const [p, text] of files) if (p.endsWith('.yaml')) assert.doesNotMatch(text, /\bunited-states\b/, p);
  });

  it('refuses a taken or malformed new id and a file that does not parse', () => {
    const codebook = loadCodebookFile('claimbook.yaml', BASE_CODEBOOK);
    const inputs = [{ file: codebook, occurrences: codebookOccurrences(codebook) }];
    const taken = new Set(codebook.model.actors.keys());
    const t = renameEdits(inputs, 'actor', 'macron', 'france', taken);
    assert.match(t.ok ? '' : t.problem.message, /already used/);
    const broken = loadSidecarFile('s.claims.yaml', 'article: x\nclaims:\n  - actor: macron\n    stance: [\n');
    const b = renameEdits([...inputs, { file: broken, occurrences: [] }], 'actor', 'macron', 'emmanuel-macron', taken);
    assert.match(b.ok ? '' : b.problem.message, /cannot rename 'macron'.*syntax error/);
  });

  it('renames a stance in the contradictions too', () => {
    const codebook = loadCodebookFile('claimbook.yaml', BASE_CODEBOOK);
    const result = renameEdits([{ file: codebook, occurrences: codebookOccurrences(codebook) }], 'stance', 'refusal', 'rejection', new Set(codebook.model.stances.keys()));
    assert.ok(result.ok);
    const text = applyEdits(BASE_CODEBOOK, result.edits.get('claimbook.yaml') ?? []).text;
    assert.match(text, /rejection: \{ label: Refusal \}/);
    assert.match(text, /- \[pledge, rejection\]\n {2}- \[conditional, rejection\]/);
  });
});

describe('edit: choices for the tagging pickers', () => {
  const cb = () => loadCodebookFile('claimbook.yaml', SAMPLE_CODEBOOK).model;

  it('lists commitments as a tree, depth-first in codebook order, recently used first', () => {
    const all = commitmentChoices(cb());
    assert.deepEqual(all.slice(0, 3).map((c) => [c.commitment.id, c.depth]), [['security-guarantee', 0], ['ceasefire-monitoring', 1], ['nuclear-deterrence', 1]]);
    assert.deepEqual(all.find((c) => c.commitment.id === 'troop-deployment')?.path, ['Military support']);
    const recent = commitmentChoices(cb(), ['weapons-supply', 'gone', 'ceasefire']);
    assert.deepEqual(recent.slice(0, 2).map((c) => [c.commitment.id, c.recent]), [['weapons-supply', true], ['ceasefire', true]]);
    assert.equal(recent.length, all.length, 'each commitment once');
    assert.deepEqual(stanceChoices(cb(), ['refusal']).map((s) => s.stance.id), ['refusal', 'pledge', 'conditional', 'proposal', 'demand', 'report']);
  });

  it('knows what a commitment and stance require', () => {
    assert.deepEqual(requirements(cb(), 'troop-deployment', 'conditional'), { keys: ['condition'], fields: [{ name: 'location', type: 'string', values: [], required: true }] });
    assert.deepEqual(requirements(cb(), 'financial-support', 'pledge'), { keys: [], fields: [] });
  });

  it('checks field values as they are typed', () => {
    const base = loadCodebookFile('claimbook.yaml', BASE_CODEBOOK).model;
    const spec = (name: string): FieldSpec => {
      const s = base.commitments.get('financial-support')?.fields.get(name);
      assert.ok(s, name);
      return s;
    };
    assert.deepEqual(parseFieldInput(spec('tranches'), ' 3 ', base), { ok: true, value: 3 });
    assert.equal(parseFieldInput(spec('tranches'), 'three', base).ok, false);
    assert.deepEqual(parseFieldInput(spec('amount'), '€90 billion', base), { ok: true, value: '€90 billion' });
    assert.equal(parseFieldInput(spec('amount'), 'a lot', base).ok, false);
    assert.equal(parseFieldInput(spec('decided'), '2025-02-30', base).ok, false);
    assert.deepEqual(parseFieldInput(spec('disbursed'), 'TRUE', base), { ok: true, value: true });
    assert.equal(parseFieldInput(spec('via'), 'nobody', base).ok, false);
    assert.equal(parseFieldInput(spec('via'), '', base).ok, false);
  });
});
