/**
 * The untagged-mention scan (a flat trie walked over UTF-16 units, with a table of word
 * characters) against the plain regex its comment promises: leftmost, longest label not preceded
 * or followed by a letter or digit of any script, `u` flag so that surrogate pairs are one
 * character. Random texts mix the labels with what could fool a hand-written scan: labels glued
 * to letters, digits, accented letters, CJK or astral letters, labels that are prefixes of
 * others, emoji, combining marks and lone surrogates.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseYaml } from '../../src/core/yaml/parse';
import { buildCodebook, type Codebook } from '../../src/core/model/codebook';
import { loadArticleFile } from '../../src/core/dataset/files';
import { diffTexts } from '../../src/core/text/textDiff';
import { isSpace, mentionsOf, scanMentions } from '../../src/core/rules/untaggedMention';
import { random } from './support/random';

const SAMPLE_CODEBOOK = path.resolve(__dirname, '../../../samples/claimbook.yaml');

/** The labels the rule looks for, each with the first actor to claim it (the rule's own order). */
function labelsOf(cb: Codebook): Map<string, string> {
  const actorOf = new Map<string, string>();
  for (const a of cb.actors.values()) {
    for (const label of [a.name, ...a.aliases]) if (label.trim().length >= 2 && !label.includes('\n') && !actorOf.has(label)) actorOf.set(label, a.id);
  }
  return actorOf;
}

type Found = Array<{ start: number; end: number; text: string; actor: string }>;

/** The reference: one alternation, longest label first, between letter/digit lookarounds. */
function reference(actorOf: Map<string, string>, text: string): Found {
  const alternatives = [...actorOf.keys()].sort((a, b) => b.length - a.length).map((l) => l.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], actor: actorOf.get(m[0]) as string }));
}

const ASTRAL_LETTER = '\u{1D400}'; // MATHEMATICAL BOLD CAPITAL A: a letter made of a surrogate pair
const EMOJI = '\u{1F600}';

/** A generated codebook: prefixes of one another, punctuation at either end, every script. */
function generatedCodebook(rand: (n: number) => number): Codebook {
  const fixed = [
    ['al', ['Al', 'Al Bo', 'Al Bor', 'Al Bor-Cy']],
    ['us', ['U.S.', 'U.S. President', 'US']],
    ['eu', ['(EU)', 'EU', 'E.-U.']],
    ['cn', ['中国', '中国人', '北京']],
    ['emoji', [`${EMOJI}Merz`, `Merz${EMOJI}`, `${EMOJI}${EMOJI}`]],
    ['astral', [`${ASTRAL_LETTER}lpha`, `Beta${ASTRAL_LETTER}`]],
    ['digits', ['x٣', 'G7', '7G', 'E5-']],
    ['accents', ['Türkiye', 'Émile Zöe', 'Ørsted', 'e\u0301cole']],
    ['quotes', ["O'Brien", 'O’Brien', '"Q"']],
    ['spaced', [' spaced ', '  ab']],
    // A lone high surrogate ends this label: it must not match the first half of a pair.
    ['lone', ['ab\uD83D', '\uDE00cd']],
  ] as const;
  const actors: Record<string, unknown> = {};
  for (const [id, aliases] of fixed) actors[id] = { name: aliases[0], type: 'person', aliases: aliases.slice(1) };
  const syllables = ['ka', 'Ma', 'ron', 'zé', 'Ly', 'de', 'n', 'Ö', 'ß', '-', '.', ' ', '中', '1'];
  for (let i = 0; i < 60; i++) {
    let name = '';
    for (let k = 1 + rand(4); k > 0; k--) name += syllables[rand(syllables.length)];
    const aliases = [name.slice(0, Math.max(2, name.length - 2)), `${name} ${syllables[rand(syllables.length)]}`];
    actors[`gen-${i}`] = { name, type: 'person', aliases };
  }
  return buildCodebook({ claimbook: 1, actors });
}

/** Text made of labels (alone, glued, cut short) and everything that borders them. */
function randomText(rand: (n: number) => number, labels: string[]): string {
  const glue = ['x', 'É', '9', '٣', '中', ASTRAL_LETTER, '\u0301', EMOJI, '.', '’', '-', '\uD83D', '\uDE00', ''];
  const filler = [' ', ' ', ' ', '\n', ', ', '. ', '! ', '?" ', '(', ')', '\t', '\u00a0', 'the ', 'of', 'é', 'ü', '北', '😀', '🇫🇷', '42', '\uD800', '\uDFFF', 'ﬁ'];
  let text = '';
  for (let n = rand(80); n > 0; n--) {
    const label = labels[rand(labels.length)] as string;
    switch (rand(6)) {
      case 0:
        text += label;
        break;
      case 1:
        text += glue[rand(glue.length)] + label;
        break;
      case 2:
        text += label + glue[rand(glue.length)];
        break;
      case 3:
        text += label.slice(0, 1 + rand(label.length));
        break;
      default:
        text += filler[rand(filler.length)];
    }
  }
  return text;
}

describe('untagged-mention scan', () => {
  const sample = buildCodebook(parseYaml(fs.readFileSync(SAMPLE_CODEBOOK, 'utf8')).value);

  for (const [name, make] of [
    ['the sample codebook', () => sample],
    ['a generated codebook', () => generatedCodebook(random(7))],
  ] as const) {
    it(`finds what the regex finds, with ${name}`, () => {
      const cb = make();
      const actorOf = labelsOf(cb);
      const labels = [...actorOf.keys()];
      assert.ok(labels.length > 20);
      const rand = random(name.length);
      let mentions = 0;
      for (let round = 0; round < 400; round++) {
        const text = randomText(rand, labels);
        const expected = reference(actorOf, text);
        assert.deepEqual(scanMentions(cb, text), expected, `round ${round}: ${JSON.stringify(text)}`);
        mentions += expected.length;
      }
      // The texts are built to hit labels often, not only to miss them.
      assert.ok(mentions > 2000, `${mentions} mentions`);
    });
  }

  it('finds the longest label and skips a label glued to a letter, digit or half a surrogate pair', () => {
    const cb = generatedCodebook(random(7));
    const found = (text: string): string[] => scanMentions(cb, text).map((m) => `${m.start}:${m.text}`);
    assert.deepEqual(found('Al Bor-Cy, Al Bo, Al Borx, xAl'), ['0:Al Bor-Cy', '11:Al Bo', '18:Al']);
    assert.deepEqual(found('U.S. President, U.S. x, U.S.x'), ['0:U.S. President', '16:U.S.']);
    assert.deepEqual(found(`${ASTRAL_LETTER}中国 ${EMOJI}Merz ${ASTRAL_LETTER}lpha`), [`5:${EMOJI}Merz`, `12:${ASTRAL_LETTER}lpha`]);
    // A label ending in a lone high surrogate never takes the first half of a pair; a lone
    // surrogate in the text is one character, not the first of two.
    assert.deepEqual(found(`ab${EMOJI} ab\uD83D \uD800Al`), ['5:ab\uD83D', '10:Al']);
  });

  it('re-scans only the edited lines and gets what a fresh scan gets', () => {
    const cb = generatedCodebook(random(7));
    const labels = [...labelsOf(cb).keys()];
    const rand = random(99);
    for (let round = 0; round < 200; round++) {
      const before = randomText(rand, labels);
      const at = rand(before.length + 1);
      const cut = Math.min(before.length, at + rand(12));
      const after = before.slice(0, at) + randomText(rand, labels).slice(0, rand(30)) + before.slice(cut);
      const old = mentionsOf(cb, loadArticleFile('a.txt', before));
      assert.ok(old);
      const edited = mentionsOf(cb, loadArticleFile('a.txt', after), { mentions: old, diff: diffTexts(before, after) });
      const fresh = mentionsOf(cb, loadArticleFile('a.txt', after));
      assert.ok(edited && fresh);
      assert.deepEqual(edited.lineStarts, fresh.lineStarts, `round ${round}`);
      assert.deepEqual(edited.lines, fresh.lines, `round ${round}`);
    }
  });

  it('tells white space as the regex \\s does', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });
});
