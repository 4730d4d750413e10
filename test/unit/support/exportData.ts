/** Datasets for the export/import tests: folders read into memory, and seeded generated datasets. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDataset, exportDataset, makeQuote, newCounts, TextIndex, type CheckResult, type ExportCounts, type ExportFormat, type ExportOptions } from '../../../src/core';
import { newSidecarText, type NewClaim } from '../../../src/core/edit';
import { listFiles } from './fixtures';
import { MemoryHost } from './memoryHost';
import { pick, random } from './random';

export const SAMPLES = path.resolve(__dirname, '../../../../samples');

export function folderFiles(dir: string): Map<string, string> {
  return new Map(listFiles(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
}

export function check(files: Map<string, string>): Promise<CheckResult> {
  return checkDataset(new MemoryHost(files), { oneShot: true });
}

/** An export as text (streams) or as files (brat), with its counts. */
export function exported(result: CheckResult, format: ExportFormat, options: ExportOptions = {}): { text: string; files: Map<string, string>; counts: ExportCounts } {
  const counts = newCounts();
  const out = exportDataset(result, format, options, counts);
  if (out.kind === 'stream') return { text: [...out.chunks].join(''), files: new Map(), counts };
  return { text: '', files: new Map([...out.files].map((f) => [f.path, f.text])), counts };
}

/** The dataset minus its sidecars: what an import starts from. */
export function withoutSidecars(files: Map<string, string>): Map<string, string> {
  return new Map([...files].filter(([p]) => !p.endsWith('.claims.yaml')));
}

/** Claims of a checked dataset by article, as comparable plain values (index and YAML positions aside). */
export function claimsByArticle(result: CheckResult): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const s of [...result.sidecars].sort((a, b) => (a.sidecar.path < b.sidecar.path ? -1 : 1))) {
    const list = s.claims.map(({ claim: c }) => ({
      id: c.id,
      actor: c.actor,
      commitment: c.commitment,
      stance: c.stance,
      condition: c.condition,
      fields: [...c.fields],
      speaker: c.speaker,
      annotator: c.annotator,
      note: c.note,
      quote: c.quote,
    }));
    if (list.length > 0) out[s.article?.path ?? String(s.sidecar.articlePath)] = list;
  }
  return out;
}

export const GENERATED_CODEBOOK = `claimbook: 1
dataset:
  articles: ["articles/**/*.txt", "articles/**/*.md"]
actors:
  macron: { name: Emmanuel Macron, type: person, aliases: [Macron] }
  france: { name: France, type: state }
  turkiye: { name: Türkiye, type: state, aliases: [Turkey] }
actor-types: [person, state]
commitments:
  military-support: { label: Military support }
  troop-deployment:
    label: Deploy troops
    parent: military-support
    fields:
      location: { type: string }
      size: { type: number }
      binding: { type: boolean }
  financial-support:
    label: Financial support
    fields:
      amount: { type: money }
      kind: { type: enum, values: [loan, grant] }
stances:
  pledge: { label: Pledge }
  conditional: { label: Conditional pledge }
  refusal: { label: Refusal }
`;

const WORDS = ['Paris', 'troops', 'Ukraine', '🇺🇦', 'Türkiye', 'said', '€90 billion', '"quoted"', 'naïve', 'x: y', '#tag', '😀😀', 'line', 'l’Europe', '\\back', 'tab\there'];
const LINE_ENDS = ['\n', '\r\n', '\r'];

/** A random dataset for round trips: CRLF/CR/LF, astral characters, awkward strings, every field type. */
export function generatedDataset(seed: number): Map<string, string> {
  const rand = random(seed);
  const files = new Map<string, string>([['claimbook.yaml', GENERATED_CODEBOOK]]);
  const articleCount = 1 + rand(3);
  for (let a = 0; a < articleCount; a++) {
    const end = pick(rand, LINE_ENDS);
    const lines: string[] = [];
    for (let l = 0, n = 3 + rand(6); l < n; l++) lines.push(Array.from({ length: 3 + rand(10) }, () => pick(rand, WORDS)).join(' '));
    const raw = lines.join(rand(3) === 0 ? end + end : end) + end;
    const name = `art-${seed}-${a}${rand(4) === 0 ? '.md' : '.txt'}`;
    files.set(`articles/${name}`, raw);
    const index = TextIndex.of(raw);
    const chars = Array.from(index.text);
    const claims: NewClaim[] = [];
    const seen = new Set<string>();
    for (let c = 0, n = rand(6); c < n; c++) {
      let s = rand(chars.length);
      let e = Math.min(chars.length, s + 1 + rand(40));
      // Selections are trimmed, as tagging trims them.
      while (s < e && /\s/.test(chars[s] as string)) s++;
      while (e > s && /\s/.test(chars[e - 1] as string)) e--;
      if (s >= e) continue;
      const commitment = pick(rand, ['military-support', 'troop-deployment', 'financial-support']);
      const actor = pick(rand, ['macron', 'france', 'turkiye']);
      const stance = pick(rand, ['pledge', 'conditional', 'refusal']);
      const key = `${s}:${e}:${actor}:${commitment}:${stance}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const fields: Array<[string, string | number | boolean]> = [];
      if (commitment === 'troop-deployment') {
        if (rand(2)) fields.push(['location', pick(rand, ['Ukraine', 'true', '12', 'a: b', 'über 🇺🇦'])]);
        if (rand(2)) fields.push(['size', rand(5000)]);
        if (rand(2)) fields.push(['binding', rand(2) === 0]);
      }
      if (commitment === 'financial-support') {
        if (rand(2)) fields.push(['amount', '€90 billion']);
        if (rand(2)) fields.push(['kind', pick(rand, ['loan', 'grant'])]);
      }
      const text = () => pick(rand, ['after a ceasefire', 'only if "asked"', 'line one\nline two', 'tab\tand \\ backslash', 'émoji 😀', 'null', ' leading space']);
      claims.push({
        id: `c-${seed.toString(36)}${a}${c}x`.slice(0, 12),
        actor,
        commitment,
        stance,
        ...(rand(2) ? { condition: text() } : {}),
        fields,
        ...(rand(3) === 0 ? { speaker: 'macron' } : {}),
        ...(rand(2) ? { annotator: pick(rand, ['alice', 'bob']) } : {}),
        ...(rand(2) ? { note: text() } : {}),
        quote: makeQuote(index, s, e),
      });
    }
    const stem = name.replace(/\.(txt|md)$/, '');
    files.set(`articles/${stem}.claims.yaml`, newSidecarText({ article: name, claims }));
  }
  return files;
}
