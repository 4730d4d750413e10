/** Language features as plain data: cursor context from indentation, completions, id occurrences, outline. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCodebookFile, loadSidecarFile } from '../../src/core';
import {
  codebookCompletions,
  codebookOccurrences,
  codebookSymbols,
  occurrenceAt,
  sidecarCompletions,
  sidecarOccurrences,
  sidecarSymbols,
  yamlContextAt,
} from '../../src/core/language';
import { FIXTURES } from './support/fixtures';

const CODEBOOK_TEXT = fs.readFileSync(path.join(FIXTURES, '_base/claimbook.yaml'), 'utf8');
const codebookFile = loadCodebookFile('claimbook.yaml', CODEBOOK_TEXT);
const codebook = codebookFile.model;
const CLEAN = fs.readFileSync(path.join(FIXTURES, 'clean/articles/summit.claims.yaml'), 'utf8');

/** Text with `|` marking the cursor → [text, offset]. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0);
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

function context(marked: string) {
  const [text, offset] = at(marked);
  const ctx = yamlContextAt(text, offset);
  assert.ok(ctx, 'a context');
  return { ctx, text };
}

const SIDECAR = `article: summit.txt
claims:
  - id: c-1
    actor: ma|
    commitment: troop-deployment
    stance: pledge   # a comment
    quote:
      exact: "Starmer and Macron spoke"
      start: 0
      end: 5
`;

describe('language: cursor context from indentation', () => {
  it('knows a claim key whose value is typed, with the claim\'s other values', () => {
    const { ctx, text } = context(SIDECAR);
    assert.deepEqual(ctx.path, ['claims', '-']);
    assert.equal(ctx.mode, 'value');
    assert.equal(ctx.key, 'actor');
    assert.equal(ctx.prefix, 'ma');
    assert.equal(text.slice(ctx.start, ctx.end), 'ma');
    assert.equal(ctx.item.get('commitment'), 'troop-deployment');
    assert.equal(ctx.item.get('stance'), 'pledge');
    assert.equal(ctx.item.get('quote.exact'), 'Starmer and Macron spoke');
  });

  it('knows keys being typed, and which keys the map already has', () => {
    const { ctx } = context(SIDECAR.replace('actor: ma|', 'actor: macron\n    spe|'));
    assert.equal(ctx.mode, 'key');
    assert.equal(ctx.prefix, 'spe');
    assert.deepEqual(ctx.siblings.sort(), ['actor', 'commitment', 'id', 'quote', 'stance']);
    const quote = context(SIDECAR.replace('actor: ma|', 'actor: macron').replace('      start: 0', '      pre|\n      start: 0')).ctx;
    assert.deepEqual(quote.path, ['claims', '-', 'quote']);
    assert.deepEqual(quote.siblings.sort(), ['end', 'exact', 'start']);
  });

  it('reads a flow map on one line, and a new list item', () => {
    const flow = context(SIDECAR.replace('actor: ma|', 'actor: macron\n    fields: { location: Ukraine, bi|')).ctx;
    assert.deepEqual([flow.path, flow.mode, flow.prefix, flow.siblings], [['claims', '-', 'fields'], 'key', 'bi', ['location']]);
    const value = context(SIDECAR.replace('actor: ma|', 'actor: macron\n    fields: { binding: le|')).ctx;
    assert.deepEqual([value.path, value.mode, value.key, value.prefix], [['claims', '-', 'fields'], 'value', 'binding', 'le']);
    const item = context(`${SIDECAR.replace('|', 'cron')}  - |\n`).ctx;
    assert.deepEqual([item.path, item.mode, item.siblings], [['claims', '-'], 'key', []]);
  });

  it('works in files that do not parse while typing, and in a zero-indented list', () => {
    const broken = context('article: x\nclaims:\n- id: c-1\n  stance: "unclosed\n  commitment: tr|\n').ctx;
    assert.deepEqual([broken.path, broken.key, broken.prefix], [['claims', '-'], 'commitment', 'tr']);
    assert.equal(yamlContextAt('# just a | comment', 9), undefined);
  });

  it('finds codebook entries', () => {
    const { ctx } = context(CODEBOOK_TEXT.replace('represents: france', 'represents: fr|'));
    assert.deepEqual([ctx.path, ctx.key], [['actors', 'macron'], 'represents']);
    const field = context(CODEBOOK_TEXT.replace('location: { type: string, required: true }', 'location: { type: st|')).ctx;
    assert.deepEqual([field.path, field.key], [['commitments', 'troop-deployment', 'fields', 'location'], 'type']);
  });
});

describe('language: completions', () => {
  const labels = (list: { label: string }[]) => list.map((c) => c.label);

  it('offers every codebook actor for actor:, those named in the quote first, with names in the details', () => {
    const { ctx } = context(SIDECAR);
    const list = sidecarCompletions(ctx, codebook);
    assert.deepEqual(labels(list).slice(0, 2), ['starmer', 'macron']);
    assert.deepEqual(labels(list).sort(), [...codebook.actors.keys()].sort());
    const macron = list.find((c) => c.label === 'macron');
    assert.match(macron?.detail ?? '', /^Emmanuel Macron · person/);
    assert.match(macron?.filterText ?? '', /Emmanuel Macron/);
  });

  it('offers commitments with their hierarchy, stances with their label, and missing keys', () => {
    const commitment = sidecarCompletions(context(SIDECAR.replace('actor: ma|', 'actor: macron').replace('commitment: troop-deployment', 'commitment: |')).ctx, codebook);
    assert.equal(commitment.find((c) => c.label === 'troop-deployment')?.detail, 'Military support › Deploy troops');
    const stance = sidecarCompletions(context(SIDECAR.replace('actor: ma|', 'actor: macron').replace('stance: pledge', 'stance: |')).ctx, codebook);
    assert.equal(stance.find((c) => c.label === 'conditional')?.detail, 'Conditional pledge · requires condition');
    const keys = sidecarCompletions(context(SIDECAR.replace('actor: ma|', 'actor: macron\n    |')).ctx, codebook);
    assert.deepEqual(labels(keys), ['condition', 'fields', 'speaker', 'annotator', 'note']);
  });

  it('offers the fields of the claim\'s commitment, and enum values', () => {
    const fields = sidecarCompletions(context(SIDECAR.replace('actor: ma|', 'actor: macron\n    fields:\n      |')).ctx, codebook);
    assert.deepEqual(labels(fields), ['location']);
    const binding = sidecarCompletions(context(SIDECAR.replace('commitment: troop-deployment', 'commitment: security-guarantee').replace('actor: ma|', 'actor: macron\n    fields: { binding: |')).ctx, codebook);
    assert.deepEqual(labels(binding), ['political', 'legal', 'both']);
  });

  it('completes represents, parent and type in the codebook', () => {
    assert.ok(labels(codebookCompletions(context(CODEBOOK_TEXT.replace('represents: france', 'represents: |')).ctx, codebook)).includes('france'));
    assert.ok(labels(codebookCompletions(context(CODEBOOK_TEXT.replace('parent: military-support', 'parent: |')).ctx, codebook)).includes('military-support'));
    assert.deepEqual(labels(codebookCompletions(context(CODEBOOK_TEXT.replace('type: person\n    aliases: [Macron]', 'type: |\n    aliases: [Macron]')).ctx, codebook)), ['person', 'state', 'organisation', 'coalition']);
  });
});

describe('language: ids in files', () => {
  it('finds definitions and references in the codebook', () => {
    const occ = codebookOccurrences(codebookFile);
    const france = occ.filter((o) => o.kind === 'actor' && o.id === 'france');
    assert.deepEqual(france.map((o) => [o.definition, CODEBOOK_TEXT.slice(o.start, o.end)]), [[false, 'france'], [true, 'france']]);
    assert.equal(occ.filter((o) => o.kind === 'stance' && o.id === 'refusal').length, 3, 'definition and two contradictions');
    assert.equal(occ.filter((o) => o.kind === 'commitment' && o.id === 'military-support').length, 2);
  });

  it('finds references in a sidecar, including actor-typed fields, and the one under the cursor', () => {
    const sidecar = loadSidecarFile('articles/summit.claims.yaml', CLEAN);
    const occ = sidecarOccurrences(sidecar, codebook);
    const eu = occ.filter((o) => o.id === 'eu');
    assert.deepEqual(eu.map((o) => o.path.join('.')), ['claims.2.actor', 'claims.2.fields.via']);
    const offset = CLEAN.indexOf('actor: germany') + 'actor: ger'.length;
    assert.deepEqual([occurrenceAt(occ, offset)?.id, occurrenceAt(occ, offset)?.kind], ['germany', 'actor']);
    assert.equal(occurrenceAt(occ, CLEAN.indexOf('exact:')), undefined);
  });

  it('outlines a sidecar as claims by actor and quote, and the codebook by section', () => {
    const sidecar = loadSidecarFile('articles/summit.claims.yaml', CLEAN);
    const symbols = sidecarSymbols(sidecar, codebook);
    const claims = symbols.find((s) => s.name === 'claims');
    assert.equal(claims?.detail, '5 claims');
    assert.equal(claims?.children[0]?.name, 'Emmanuel Macron: “France would deploy troops to Ukraine only after a peace de…”');
    assert.equal(claims?.children[0]?.detail, 'conditional · troop-deployment · c-aaa111');
    for (const c of claims?.children ?? []) assert.ok(c.start <= c.selectionStart && c.selectionEnd <= c.end && claims!.start <= c.start && c.end <= claims!.end);
    const outline = codebookSymbols(codebookFile);
    assert.deepEqual(outline.map((s) => `${s.name} ${s.children.length}`), ['actors 6', 'commitments 4', 'stances 6']);
    assert.equal(outline[0]?.children[0]?.detail, 'Emmanuel Macron · person');
  });
});
