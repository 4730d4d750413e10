/** Ranking of actor suggestions for a selection: mentions inside, then around, then recent, then fuzzy over ids, names and aliases. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadCodebookFile } from '../../src/core';
import { fuzzyScore, rankActors } from '../../src/core/edit';

const ROOT = path.resolve(__dirname, '../../..');
const codebook = loadCodebookFile('claimbook.yaml', fs.readFileSync(path.join(ROOT, 'samples/claimbook.yaml'), 'utf8')).model;

function select(text: string, quote: string, extra: { query?: string; recent?: string[] } = {}) {
  const start = text.indexOf(quote);
  assert.ok(start >= 0);
  return rankActors(codebook, { text, start, end: start + quote.length, ...extra });
}

describe('edit: ranking actor suggestions', () => {
  const text =
    'Talks went on in Paris. Ukrainian President Volodymyr Zelenskyy said on Tuesday: ' +
    '"Britain and France will send troops once a ceasefire holds," adding that Germany disagreed. ' +
    `${'Much later, in another paragraph that goes on and on. '.repeat(6)}Putin replied.`;

  it('puts actors named in the selection first, in order of appearance', () => {
    const ranked = select(text, 'Britain and France will send troops once a ceasefire holds');
    assert.deepEqual(ranked.slice(0, 2).map((r) => [r.actor.id, r.reason, r.matched]), [['united-kingdom', 'selection', 'Britain'], ['france', 'selection', 'France']]);
  });

  it('then actors mentioned around it, nearest first, with the longest alias winning at a position', () => {
    const ranked = select(text, 'Britain and France will send troops once a ceasefire holds');
    const context = ranked.filter((r) => r.reason === 'context').map((r) => [r.actor.id, r.matched]);
    // "Ukrainian President Volodymyr Zelenskyy" is one mention of zelensky, not of ukraine.
    assert.deepEqual(context.slice(0, 2), [['germany', 'Germany'], ['zelensky', 'Ukrainian President Volodymyr Zelenskyy']]);
    assert.ok(!context.some(([id]) => id === 'ukraine'));
  });

  it('ignores mentions far from the selection, then lists recent actors, then the rest by name', () => {
    const ranked = select(text, 'Talks went on in Paris', { recent: ['nato', 'eu'] });
    assert.equal(ranked.find((r) => r.actor.id === 'putin')?.reason, 'other');
    const firstNonContext = ranked.filter((r) => r.reason !== 'context' && r.reason !== 'selection');
    assert.deepEqual(firstNonContext.slice(0, 2).map((r) => r.actor.id), ['nato', 'eu']);
    const others = firstNonContext.filter((r) => r.reason === 'other').map((r) => r.actor.name);
    assert.deepEqual(others, [...others].sort((a, b) => a.localeCompare(b)));
    assert.equal(ranked.length, codebook.actors.size, 'every actor is offered without a query');
  });

  it('a query filters and ranks by fuzzy match over ids, names and aliases, accent-blind', () => {
    assert.equal(select(text, 'Talks', { query: 'erdogan' })[0]?.actor.id, 'erdogan');
    assert.equal(select(text, 'Talks', { query: 'Erdoğ' })[0]?.actor.id, 'erdogan');
    assert.deepEqual(select(text, 'Talks', { query: 'whithope' }).map((r) => [r.actor.id, r.matched]), [['witkoff', 'Steven Whithope']]);
    assert.equal(select(text, 'Talks', { query: 'kremlin' })[0]?.actor.id, 'russia');
    assert.equal(select(text, 'Talks', { query: 'a-f-o-u' })[0]?.actor.id, 'armed-forces-of-ukraine');
    assert.deepEqual(select(text, 'Talks', { query: 'zzzz' }), []);
  });

  it('with equal match quality, a mentioned actor beats an unmentioned one', () => {
    const ranked = select(text, 'Britain and France will send troops', { query: 'fr' });
    assert.equal(ranked[0]?.actor.id, 'france');
  });

  it('scores equal above prefix above word prefix above substring above subsequence', () => {
    const scores = ['macron', 'mac', 'emm', 'cro', 'mcn'].map((q) => fuzzyScore(q, q === 'emm' ? 'President Emmanuel Macron'.replace('President ', 'x ') : 'macron'));
    assert.ok(scores.every((s, i) => i === 0 || s < (scores[i - 1] as number)), scores.join(' '));
    assert.equal(fuzzyScore('xyz', 'macron'), 0);
  });
});
