/** The merge driver's core: sidecars claim by claim, the codebook entry by entry, and a seeded property test. */
import * as assert from 'node:assert/strict';
import { mergeCodebook, mergeSidecar } from '../../src/core/merge';
import { sameValue } from '../../src/core/merge/values';
import { formatSidecar } from '../../src/core/format';
import { parseYaml } from '../../src/core/yaml/parse';
import { fastValue } from '../../src/core/dataset/fastYaml';
import { claimsOf, randomClaim, sidecarYaml, type Claim } from './support/sidecars';
import { resolveTo } from './support/conflicts';
import { random, pick } from './support/random';

function claim(id: string, start: number, extra: string[] = [], stance = 'pledge'): string {
  return [`  - id: ${id}`, '    actor: macron', '    commitment: rearmament', `    stance: ${stance}`, ...extra, '    quote:', `      exact: "q${id}"`, '      prefix: ""', '      suffix: ""', `      start: ${start}`, `      end: ${start + 3}`].join('\n');
}

function sidecar(...claims: string[]): string {
  return `article: a.txt\nclaims:\n${claims.join('\n\n')}\n`;
}

function merged(base: string, ours: string, theirs: string): { text: string; conflicts: number } {
  const r = mergeSidecar(base, ours, theirs);
  assert.equal(r.kind, 'merged', r.kind === 'fallback' ? r.reason : '');
  return r as { kind: 'merged'; text: string; conflicts: number };
}

const ids = (text: string) => [...text.matchAll(/- id: (\S+)/g)].map((m) => m[1]);

describe('merge: sidecars', () => {
  const base = sidecar(claim('c-aaaaaa', 10), claim('c-bbbbbb', 20));

  it('keeps claims both sides added at the end, in canonical order, with no conflict', () => {
    const ours = sidecar(claim('c-aaaaaa', 10), claim('c-bbbbbb', 20), claim('c-ours01', 30));
    const theirs = sidecar(claim('c-aaaaaa', 10), claim('c-bbbbbb', 20), claim('c-their1', 5));
    const r = merged(base, ours, theirs);
    assert.equal(r.conflicts, 0);
    assert.deepEqual(ids(r.text), ['c-their1', 'c-aaaaaa', 'c-bbbbbb', 'c-ours01']);
    assert.ok(formatSidecar(r.text).ok && !(formatSidecar(r.text) as { changed: boolean }).changed, 'the result is canonical');
  });

  it('marks one conflict around the stance line when both sides changed it differently', () => {
    const ours = sidecar(claim('c-aaaaaa', 10, [], 'refusal'), claim('c-bbbbbb', 20));
    const theirs = sidecar(claim('c-aaaaaa', 10, [], 'demand'), claim('c-bbbbbb', 20));
    const r = merged(base, ours, theirs);
    assert.equal(r.conflicts, 1);
    assert.match(r.text, /    commitment: rearmament\n<<<<<<< ours\n    stance: refusal\n=======\n    stance: demand\n>>>>>>> theirs\n    quote:/);
  });

  it('merges field by field: their note and our stance on one claim', () => {
    const ours = sidecar(claim('c-aaaaaa', 10, [], 'refusal'), claim('c-bbbbbb', 20));
    const theirs = sidecar(claim('c-aaaaaa', 10, ['    note: seen by bob']), claim('c-bbbbbb', 20));
    const r = merged(base, ours, theirs);
    assert.equal(r.conflicts, 0);
    assert.match(r.text, /stance: refusal\n    note: seen by bob\n/);
  });

  it('deletes a claim deleted on one side and unchanged on the other; conflicts when the other changed it', () => {
    const ours = sidecar(claim('c-bbbbbb', 20));
    assert.deepEqual(ids(merged(base, ours, base).text), ['c-bbbbbb']);
    assert.deepEqual(ids(merged(base, base, ours).text), ['c-bbbbbb']);
    const changed = sidecar(claim('c-aaaaaa', 10, [], 'demand'), claim('c-bbbbbb', 20));
    const r = merged(base, ours, changed);
    assert.equal(r.conflicts, 1);
    assert.match(r.text, /<<<<<<< ours\n=======\n  - id: c-aaaaaa\n/);
  });

  it('keeps comments from both sides', () => {
    const ours = sidecar(`  # checked by alice\n${claim('c-aaaaaa', 10)}`, claim('c-bbbbbb', 20));
    const theirs = sidecar(claim('c-aaaaaa', 10), claim('c-bbbbbb', 20, ['    annotator: bob # second pass']));
    const r = merged(base, ours, theirs);
    assert.equal(r.conflicts, 0);
    assert.match(r.text, /  # checked by alice\n  - id: c-aaaaaa/);
    assert.match(r.text, /annotator: bob # second pass/);
  });

  it('treats an empty base as add/add: equal claims once, differing fields conflict', () => {
    const a = sidecar(claim('c-aaaaaa', 10));
    const r = merged('', a, sidecar(claim('c-aaaaaa', 10), claim('c-cccccc', 30)));
    assert.equal(r.conflicts, 0);
    assert.deepEqual(ids(r.text), ['c-aaaaaa', 'c-cccccc']);
    assert.equal(merged('', a, sidecar(claim('c-aaaaaa', 10, [], 'demand'))).conflicts, 1);
  });

  it('keeps the quote whose anchor matches the article when both sides re-anchored it', () => {
    const article = 'xxqc-aaaaaa the rest';
    const at = (start: number) => sidecar(claim('c-aaaaaa', start).replace(/exact: "qc-aaaaaa"/, 'exact: "qc-"'));
    const r = mergeSidecar(at(10), at(2), at(4), { article: (name) => (name === 'a.txt' ? article : undefined) });
    assert.ok(r.kind === 'merged' && r.conflicts === 0 && /start: 2\n/.test(r.text), JSON.stringify(r));
    const blind = mergeSidecar(at(10), at(2), at(4));
    assert.ok(blind.kind === 'merged' && blind.conflicts === 1);
  });

  it('falls back (no guess) on text that does not parse, duplicate ids or missing ids', () => {
    assert.equal(mergeSidecar(base, 'claims: [\n', base).kind, 'fallback');
    assert.equal(mergeSidecar(base, sidecar(claim('c-aaaaaa', 1), claim('c-aaaaaa', 2)), base).kind, 'fallback');
    assert.equal(mergeSidecar(base, base, 'article: a.txt\nclaims:\n  - actor: x\n').kind, 'fallback');
    assert.equal(mergeSidecar(base, base, sidecar('<<<<<<< ours', claim('c-aaaaaa', 1))).kind, 'fallback');
  });
});

const CODEBOOK = `claimbook: 1
# the people
actors:
  # ---- people ----
  macron:
    name: Emmanuel Macron
    type: person
    aliases: [Macron, President Macron]
  france:
    name: France
    type: state
    aliases:
      - French
stances:
  pledge: { label: Pledge }
  refusal: { label: Refusal }
contradictions:
  - [pledge, refusal]
`;

describe('merge: the codebook', () => {
  const edit = (from: string, to: string) => {
    assert.ok(CODEBOOK.includes(from), from);
    return CODEBOOK.replace(from, to);
  };

  it('keeps an actor added on each side, and our formatting and comments', () => {
    const ours = edit('  france:\n', '  merz:\n    name: Friedrich Merz\n    type: person\n  france:\n');
    const theirs = edit('stances:\n', '  eu:\n    name: European Union # the union\n    type: organisation\nstances:\n');
    const r = mergeCodebook(CODEBOOK, ours, theirs);
    assert.ok(r.kind === 'merged' && r.conflicts === 0);
    assert.equal(r.text, ours.replace('stances:\n', '  eu:\n    name: European Union # the union\n    type: organisation\nstances:\n'));
  });

  it('merges aliases and contradictions as sets', () => {
    const ours = edit('aliases: [Macron, President Macron]', 'aliases: [Macron, President Macron, Emmanuel Macron]').replace('  - [pledge, refusal]\n', '  - [pledge, refusal]\n  - [pledge, demand]\n');
    const theirs = edit('aliases: [Macron, President Macron]', 'aliases: [Macron, French President]').replace('  - [pledge, refusal]\n', '  - [refusal, pledge]\n  - [proposal, refusal]\n');
    const r = mergeCodebook(CODEBOOK, ours, theirs);
    assert.ok(r.kind === 'merged' && r.conflicts === 0, JSON.stringify(r));
    assert.match(r.text, /aliases: \[Macron, Emmanuel Macron, French President\]/);
    const value = parseYaml(r.text).value as { contradictions: string[][] };
    assert.deepEqual(value.contradictions, [['pledge', 'refusal'], ['pledge', 'demand'], ['proposal', 'refusal']]);
  });

  it('marks a conflict at the one field both sides changed, and deletes what one side deleted', () => {
    const ours = edit('    name: France\n', '    name: French Republic\n').replace('  pledge: { label: Pledge }\n', '');
    const theirs = edit('    name: France\n', '    name: France (state)\n');
    const r = mergeCodebook(CODEBOOK, ours, theirs);
    assert.ok(r.kind === 'merged' && r.conflicts === 1);
    assert.match(r.text, /  france:\n<<<<<<< ours\n    name: French Republic\n=======\n    name: France \(state\)\n>>>>>>> theirs\n    type: state/);
    assert.ok(!r.text.includes('pledge: { label'), 'the deleted stance stays deleted');
  });

  it('inserts their new entry before an entry they changed (edits at one place in order)', () => {
    const theirs = edit('  france:\n    name: France\n', '  merz:\n    name: Friedrich Merz\n    type: person\n  france:\n    name: French Republic\n');
    // Our change inside `actors` makes the merge go entry by entry there.
    const ours = edit('    name: Emmanuel Macron\n', '    name: Emmanuel Jean-Michel Macron\n');
    const r = mergeCodebook(CODEBOOK, ours, theirs);
    assert.ok(r.kind === 'merged' && r.conflicts === 0, JSON.stringify(r));
    assert.equal(r.text, theirs.replace('    name: Emmanuel Macron\n', '    name: Emmanuel Jean-Michel Macron\n'));
  });

  it('falls back when a side does not parse', () => {
    assert.equal(mergeCodebook(CODEBOOK, CODEBOOK, 'actors: [\n').kind, 'fallback');
  });
});

/** Random edits of one side: add, delete, change fields, reorder, reformat. */
function editSide(rand: (n: number) => number, base: readonly Claim[]): { claims: Claim[]; changed: boolean } {
  const claims = base.map((c) => structuredClone(c));
  let changed = false;
  const edits = rand(4);
  for (let e = 0; e < edits; e++) {
    const kind = rand(5);
    if (kind === 0 || claims.length === 0) {
      claims.push(randomClaim(rand));
      changed = true;
    } else if (kind === 1) {
      claims.splice(rand(claims.length), 1);
      changed = true;
    } else {
      const c = pick(rand, claims);
      const field = rand(4);
      if (field === 0) c.stance = pick(rand, ['pledge', 'refusal', 'demand']);
      else if (field === 1) c.note = pick(rand, ['checked', 'unsure', 'to discuss']);
      else if (field === 2) c.actor = pick(rand, ['macron', 'merz']);
      else c.quote = { ...c.quote, start: c.quote.start + 1, end: c.quote.end + 1 };
      changed = true;
    }
  }
  if (rand(3) === 0) claims.reverse();
  return { claims, changed };
}

/** The plain value, by the fast readers when they can (the property test reads 20,000 texts). */
function valueOf(text: string, seed: number): unknown {
  const fast = fastValue(text);
  if (fast) return fast.value;
  const parsed = parseYaml(text);
  assert.equal(parsed.problems.length, 0, `seed ${seed}: the merge does not parse:\n${text}`);
  return parsed.value;
}

function parsedClaims(text: string, seed: number): Map<string, unknown> {
  const value = valueOf(text, seed) as { claims?: unknown[] };
  const list = value.claims ?? [];
  const map = claimsOf(value);
  assert.equal(map.size, list.length, `seed ${seed}: an id appears twice`);
  return map;
}

function asPlain(claims: readonly Claim[]): Map<string, unknown> {
  return claimsOf(valueOf(sidecarYaml(() => 0, claims, false), -1) as { claims: unknown[] });
}

describe('merge: property test over random three-way edits', () => {
  it('never loses a claim either side added or kept, never duplicates an id, is symmetric, and equals a side when the other did nothing (1,500 seeds, each merged both ways)', function () {
    this.timeout(120_000);
    for (let seed = 1; seed <= 1500; seed++) {
      const rand = random(seed);
      const base: Claim[] = [];
      for (let i = rand(6); i > 0; i--) base.push(randomClaim(rand));
      const o = editSide(rand, base);
      const t = rand(4) === 0 ? { claims: base.map((c) => structuredClone(c)), changed: false } : editSide(rand, base);
      const write = (claims: readonly Claim[]) => sidecarYaml(rand, claims, rand(6) === 0);
      const [bText, oText, tText] = [write(base), write(o.claims), write(t.claims)];
      const r = mergeSidecar(bText, oText, tText);
      const swapped = mergeSidecar(bText, tText, oText);
      assert.ok(r.kind === 'merged' && swapped.kind === 'merged', `seed ${seed}: fell back`);
      assert.equal(r.conflicts, swapped.conflicts, `seed ${seed}: conflicts differ when the sides swap`);

      const B = asPlain(base), O = asPlain(o.claims), T = asPlain(t.claims);
      const resolutions = { ours: parsedClaims(resolveTo(r.text, 'ours'), seed), theirs: parsedClaims(resolveTo(r.text, 'theirs'), seed) };
      for (const side of ['ours', 'theirs'] as const) {
        const M = resolutions[side];
        for (const [mine, other] of [[O, T], [T, O]] as const) {
          for (const [id, c] of mine) {
            const deletedByOther = B.has(id) && !other.has(id) && sameValue(B.get(id), c);
            if (!deletedByOther && other.has(id)) assert.ok(M.has(id), `seed ${seed}: lost ${id}, kept on both sides`);
            if (!deletedByOther && r.conflicts === 0) assert.ok(M.has(id), `seed ${seed}: lost ${id}`);
          }
        }
      }
      // Symmetric: their merge with the sides swapped is ours with the conflict sides swapped.
      assert.ok(sameValue([...resolutions.ours], [...parsedClaims(resolveTo(swapped.text, 'theirs'), seed)]), `seed ${seed}: not symmetric`);
      assert.ok(sameValue([...resolutions.theirs], [...parsedClaims(resolveTo(swapped.text, 'ours'), seed)]), `seed ${seed}: not symmetric`);
      if (!t.changed) {
        assert.equal(r.conflicts, 0, `seed ${seed}`);
        assert.ok(sameValue(sorted(resolutions.ours), sorted(O)), `seed ${seed}: differs from our side though theirs did nothing`);
      }
    }
  });
});

function sorted(m: Map<string, unknown>): unknown[] {
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}
