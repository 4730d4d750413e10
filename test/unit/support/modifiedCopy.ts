/**
 * "Their" copy of the samples for the curation tests: in three articles some claims relabelled,
 * restanced, moved, given other fields, deleted, and one added. EXPECTED lists exactly the
 * disagreements the comparison must show (mine = the samples).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const OUTCOMES = 'articles/2026-01-06-outcomes-of-the-paris-summit';
export const PARIS = 'articles/paris-summit-advances-security-guarantees-for-ukraine';
export const MILITARY = 'articles/2025-03-11-military-chiefs-meet-in-paris';
export const ADDED_QUOTE = 'Mechanisms for deterrence and guarantees are being discussed';

export interface Expected {
  article: string;
  kind: 'only-mine' | 'only-theirs' | 'label' | 'attributes' | 'span';
  mine?: string;
  theirs?: string;
  differs?: string[];
}

export const EXPECTED: Expected[] = [
  { article: `${MILITARY}.txt`, kind: 'attributes', mine: 'c-drxtgj', theirs: 'c-drxtgj', differs: ['fields'] },
  { article: `${OUTCOMES}.txt`, kind: 'label', mine: 'c-6oik1l', theirs: 'c-6oik1l', differs: ['commitment'] },
  { article: `${OUTCOMES}.txt`, kind: 'attributes', mine: 'c-ryqvxl', theirs: 'c-ryqvxl', differs: ['stance'] },
  { article: `${OUTCOMES}.txt`, kind: 'span', mine: 'c-7ybtvr', theirs: 'c-7ybtvr', differs: ['span'] },
  { article: `${OUTCOMES}.txt`, kind: 'only-mine', mine: 'c-mgrk88' },
  { article: `${OUTCOMES}.txt`, kind: 'only-theirs', theirs: 'c-zz0add' },
  { article: `${PARIS}.txt`, kind: 'only-mine', mine: 'c-94f6fe' },
];

function edit(file: string, change: (text: string) => string): void {
  const before = fs.readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`modifiedCopy: nothing changed in ${file}`);
  fs.writeFileSync(file, after);
}

/** The block of claim `id` (from its `- id:` line to the next claim or the end). */
function block(text: string, id: string): { start: number; end: number } {
  const start = text.indexOf(`  - id: ${id}\n`);
  if (start < 0) throw new Error(`modifiedCopy: no claim ${id}`);
  const next = text.indexOf('\n  - id: ', start + 1);
  return { start, end: next < 0 ? text.length : next + 1 };
}

function inBlock(text: string, id: string, from: string, to: string): string {
  const b = block(text, id);
  const part = text.slice(b.start, b.end);
  if (!part.includes(from)) throw new Error(`modifiedCopy: ${id} has no "${from}"`);
  return text.slice(0, b.start) + part.replace(from, to) + text.slice(b.end);
}

/** Copies `samples` into `dir` and modifies the copy; returns `dir`. */
export function modifiedCopy(samples: string, dir: string): string {
  fs.cpSync(samples, dir, { recursive: true });
  return modifySamples(dir);
}

/** Modifies a copy of the samples in place; returns `dir`. */
export function modifySamples(dir: string): string {
  const outcomes = path.join(dir, `${OUTCOMES}.claims.yaml`);
  const article = fs.readFileSync(path.join(dir, `${OUTCOMES}.txt`), 'utf8');
  edit(outcomes, (t) => inBlock(t, 'c-6oik1l', 'commitment: security-guarantee', 'commitment: military-support'));
  edit(outcomes, (t) => inBlock(t, 'c-ryqvxl', 'stance: report', 'stance: pledge'));
  // Moved: their quote starts 11 code points later ("the UK’s readiness…").
  edit(outcomes, (t) => inBlock(inBlock(t, 'c-7ybtvr', 'exact: "France and the UK’s', 'exact: "the UK’s'), 'c-7ybtvr', 'start: 796', 'start: 807'));
  edit(outcomes, (t) => {
    const b = block(t, 'c-mgrk88');
    return t.slice(0, b.start) + t.slice(b.end).replace(/^\n/, '');
  });
  const at = [...article.slice(0, article.indexOf(ADDED_QUOTE))].length;
  edit(outcomes, (t) => `${t.replace(/\n*$/, '\n')}\n  - id: c-zz0add\n    actor: coalition-of-the-willing\n    commitment: security-guarantee\n    stance: report\n    annotator: theirs\n    quote:\n      exact: "${ADDED_QUOTE}"\n      start: ${at}\n      end: ${at + ADDED_QUOTE.length}\n`);
  const paris = path.join(dir, `${PARIS}.claims.yaml`);
  edit(paris, (t) => {
    const b = block(t, 'c-94f6fe');
    return t.slice(0, b.start) + t.slice(b.end).replace(/^\n/, '');
  });
  edit(path.join(dir, `${MILITARY}.claims.yaml`), (t) => inBlock(t, 'c-drxtgj', 'fields: { beneficiary: ukraine }', 'fields: { beneficiary: europe }'));
  return dir;
}
