/**
 * Deterministic benchmark datasets (issue 6): prose from the samples' vocabulary (a word-bigram
 * chain trained on samples/articles), a codebook of 500 actors and 100 commitments grown from
 * the samples' codebook, and canonical sidecars with anchored quotes. A few sidecars carry one
 * realistic problem each (moved or drifted anchor, unknown actor, missing field), as a dataset
 * kept clean by CI would. Written under bench/data/<name>-<key>/, reused while the key (the
 * generator version and parameters) is unchanged.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { Random } from './random';

/** Bump when the output changes, so cached datasets are regenerated. */
const GENERATOR_VERSION = 4;

export interface DatasetSpec {
  name: string;
  articles: number;
  claims: number;
  seed: number;
  /** Share of sidecars given one problem. */
  problemRate: number;
  /** Share of sentences that carry a claim (sets the article length). */
  claimSentences: number;
}

export const SPECS: Record<string, DatasetSpec> = {
  S: { name: 'S', articles: 100, claims: 5_000, seed: 101, problemRate: 0.05, claimSentences: 0.68 },
  M: { name: 'M', articles: 1_000, claims: 50_000, seed: 202, problemRate: 0.05, claimSentences: 0.68 },
  L: { name: 'L', articles: 5_000, claims: 250_000, seed: 303, problemRate: 0.05, claimSentences: 0.68 },
  // One 1 MB article with 5,000 claims: its sidecar is the 5,000-claim sidecar.
  big: { name: 'big', articles: 1, claims: 5_000, seed: 404, problemRate: 0, claimSentences: 0.56 },
};

export interface Generated {
  dir: string;
  /** Dataset-relative paths. */
  sidecars: string[];
  articles: string[];
  bytes: number;
}

const ROOT = path.resolve(__dirname, '..', '..');

export function datasetDir(spec: DatasetSpec): string {
  const key = createHash('sha256').update(JSON.stringify({ GENERATOR_VERSION, spec })).digest('hex').slice(0, 10);
  return path.join(ROOT, 'bench', 'data', `${spec.name}-${key}`);
}

/** Generates the dataset unless an identical one is already on disk. */
export function ensureDataset(spec: DatasetSpec, log: (s: string) => void = () => {}): Generated {
  const dir = datasetDir(spec);
  const marker = path.join(dir, '.complete.json');
  if (fs.existsSync(marker)) return { dir, ...(JSON.parse(fs.readFileSync(marker, 'utf8')) as Omit<Generated, 'dir'>) };
  fs.rmSync(dir, { recursive: true, force: true });
  log(`generating dataset ${spec.name} (${spec.articles} articles, ${spec.claims} claims) in ${path.relative(ROOT, dir)}`);
  const out = new Writer(dir);
  generate(spec, out);
  const result = { sidecars: out.sidecars, articles: out.articles, bytes: out.bytes };
  fs.writeFileSync(marker, JSON.stringify(result));
  return { dir, ...result };
}

class Writer {
  sidecars: string[] = [];
  articles: string[] = [];
  bytes = 0;
  constructor(readonly dir: string) {}

  write(rel: string, text: string): void {
    const file = path.join(this.dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    this.bytes += Buffer.byteLength(text);
    if (rel.endsWith('.claims.yaml')) this.sidecars.push(rel);
    else if (rel.endsWith('.txt')) this.articles.push(rel);
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

interface Vocabulary {
  /** Word → words seen after it. */
  next: Map<string, string[]>;
  starts: string[];
}

function vocabulary(): Vocabulary {
  const dir = path.join(ROOT, 'samples', 'articles');
  const text = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
  const next = new Map<string, string[]>();
  const starts: string[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    const words = sentence.split(/\s+/).filter((w) => w.length > 0 && !/[>|]/.test(w));
    if (words.length < 4) continue;
    starts.push(words[0] as string);
    for (let i = 0; i + 1 < words.length; i++) {
      const w = (words[i] as string).replace(/[.!?]+$/, '');
      const list = next.get(w) ?? [];
      list.push((words[i + 1] as string).replace(/[.!?]+$/, ''));
      next.set(w, list);
    }
  }
  return { next, starts };
}

/** A run of words from the bigram chain, without final punctuation. */
function words(v: Vocabulary, r: Random, min: number, max: number, first?: string): string {
  const length = r.int(min, max);
  let word = first ?? r.pick(v.starts).replace(/[.!?]+$/, '');
  const out = [word];
  while (out.length < length) {
    const options = v.next.get(word);
    word = options && options.length > 0 ? r.pick(options) : r.pick(v.starts).replace(/[.!?]+$/, '').toLowerCase();
    out.push(word);
  }
  return out.join(' ').replace(/[,;:—–-]+$/, '');
}

// ---------------------------------------------------------------------------------------------
// Codebook

interface Actor {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  represents?: string;
}

interface Commitment {
  id: string;
  label: string;
  parent?: string;
  actorTypes?: string[];
  fields: Record<string, { type: string; values?: string[]; required?: boolean }>;
}

interface Codebook {
  actors: Actor[];
  commitments: Commitment[];
  stances: string[];
}

const FIRST = ['Anna', 'Marek', 'Ingrid', 'Tomas', 'Elena', 'Pieter', 'Sofia', 'Luca', 'Maja', 'Henrik', 'Clara', 'Jonas', 'Petra', 'Milan', 'Ilse', 'Rafael', 'Nadia', 'Oskar', 'Vera', 'Stefan', 'Lena', 'Dario', 'Hanna', 'Kasper', 'Irena', 'Matteo', 'Agnes', 'Viktor', 'Lucia', 'Emil'];
const SYLLABLES = ['kov', 'ren', 'ska', 'vel', 'dor', 'mar', 'lin', 'tes', 'bra', 'nik', 'sol', 'var', 'gen', 'holm', 'berg', 'ova', 'ich', 'ard', 'ley', 'mont', 'rua', 'zel', 'pri', 'dan'];
const TITLES = ['President', 'Prime Minister', 'Minister', 'Chancellor', 'Defence Minister', 'Foreign Minister', 'Secretary-General'];
const ORG_HEADS = ['Council', 'Agency', 'Alliance', 'Fund', 'Commission', 'Assembly', 'Forum', 'Union'];
const ORG_ADJ = ['Northern', 'Baltic', 'Atlantic', 'Eastern', 'Continental', 'Maritime', 'Alpine', 'Danubian', 'Nordic', 'Central'];

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function surname(r: Random): string {
  return capital(Array.from({ length: r.int(2, 3) }, () => r.pick(SYLLABLES)).join(''));
}

function buildCodebook(r: Random): Codebook {
  const sample = parse(fs.readFileSync(path.join(ROOT, 'samples', 'claimbook.yaml'), 'utf8')) as {
    actors: Record<string, { name: string; type: string; aliases?: string[]; represents?: string }>;
    commitments: Record<string, { label: string; parent?: string; 'actor-types'?: string[]; fields?: Commitment['fields'] }>;
    stances: Record<string, unknown>;
  };
  const taken = new Set<string>();
  const ids = new Set<string>();
  const claim = (label: string): boolean => {
    const key = label.trim().toLowerCase();
    if (taken.has(key)) return false;
    taken.add(key);
    return true;
  };
  const actors: Actor[] = [];
  for (const [id, a] of Object.entries(sample.actors)) {
    ids.add(id);
    const own = new Set<string>();
    const aliases = (a.aliases ?? []).filter((x) => {
      const k = x.toLowerCase();
      if (own.has(k)) return true;
      own.add(k);
      return claim(x);
    });
    if (!own.has(a.name.toLowerCase())) claim(a.name);
    actors.push({ id, name: a.name, type: a.type, aliases, represents: a.represents });
  }
  const states = actors.filter((a) => a.type === 'state').map((a) => a.id);
  while (actors.length < 500) {
    const kind = r.weighted(['person', 'state', 'organisation', 'coalition'], [70, 12, 14, 4]);
    let actor: Actor | undefined;
    if (kind === 'person') {
      const first = r.pick(FIRST);
      const last = surname(r);
      const full = `${first} ${last}`;
      const titled = `${r.pick(TITLES)} ${last}`;
      actor = { id: `${first}-${last}`.toLowerCase(), name: full, type: 'person', aliases: [last, full, titled], represents: r.pick(states) };
    } else if (kind === 'state') {
      const name = capital(r.pick(SYLLABLES) + r.pick(SYLLABLES) + r.pick(['ia', 'land', 'stan', 'ovia', 'ea']));
      actor = { id: name.toLowerCase(), name, type: 'state', aliases: [name, `${name.slice(0, -1)}an`] };
      states.push(actor.id);
    } else {
      const name = `${r.pick(ORG_ADJ)} ${capital(r.pick(SYLLABLES) + r.pick(SYLLABLES))} ${r.pick(ORG_HEADS)}`;
      const acronym = name.split(' ').map((w) => w[0]).join('');
      actor = { id: name.toLowerCase().replace(/ /g, '-'), name, type: kind, aliases: [name, acronym] };
    }
    if (ids.has(actor.id) || !claim(actor.name)) continue;
    ids.add(actor.id);
    actor.aliases = actor.aliases.filter((x) => x === actor.name || claim(x));
    actors.push(actor);
  }

  const commitments: Commitment[] = Object.entries(sample.commitments).map(([id, c]) => ({
    id,
    label: c.label,
    parent: c.parent,
    actorTypes: c['actor-types'] ?? (c.parent ? sample.commitments[c.parent]?.['actor-types'] : undefined),
    fields: c.fields ?? {},
  }));
  const parents = commitments.filter((c) => c.parent === undefined).map((c) => c.id);
  const NOUNS = ['training', 'demining', 'energy', 'grain', 'cyber', 'border', 'naval', 'medical', 'sanctions', 'refugee', 'housing', 'transport', 'munitions', 'drone', 'satellite', 'rail', 'port', 'water'];
  const KINDS = ['aid', 'mission', 'programme', 'package', 'support', 'corridor', 'fund', 'coalition'];
  const cids = new Set(commitments.map((c) => c.id));
  while (commitments.length < 100) {
    const noun = r.pick(NOUNS);
    const kind = r.pick(KINDS);
    const id = `${noun}-${kind}`;
    if (cids.has(id)) continue;
    cids.add(id);
    const fields: Commitment['fields'] = {};
    if (r.chance(0.15)) fields.location = { type: 'string', required: true };
    if (r.chance(0.2)) fields.amount = { type: 'money' };
    if (r.chance(0.1)) fields.binding = { type: 'enum', values: ['political', 'legal', 'both'] };
    const parent = r.chance(0.7) ? r.pick(parents) : undefined;
    const actorTypes = parent ? commitments.find((c) => c.id === parent)?.actorTypes : undefined;
    commitments.push({ id, label: `${capital(noun)} ${kind}`, parent, actorTypes, fields });
  }
  return { actors, commitments, stances: Object.keys(sample.stances) };
}

function q(s: string): string {
  return JSON.stringify(s);
}

function flowList(items: readonly string[]): string {
  return `[${items.map((s) => (/^[A-Za-z][A-Za-z .'’-]*$/.test(s) && !/^(?:yes|no|on|off|true|false|null)$/i.test(s) ? s : q(s))).join(', ')}]`;
}

function codebookYaml(cb: Codebook): string {
  const lines = [
    '# Generated benchmark codebook (bench/generate.ts): 500 actors, 100 commitments.',
    'claimbook: 1',
    '',
    'dataset:',
    '  articles: ["articles/**/*.txt"]',
    '',
    'actor-types: [person, state, organisation, coalition]',
    '',
    'actors:',
  ];
  for (const a of cb.actors) {
    lines.push(`  ${a.id}:`, `    name: ${q(a.name)}`, `    type: ${a.type}`);
    if (a.aliases.length > 0) lines.push(`    aliases: ${flowList(a.aliases)}`);
    if (a.represents) lines.push(`    represents: ${a.represents}`);
  }
  lines.push('', 'commitments:');
  for (const c of cb.commitments) {
    lines.push(`  ${c.id}:`, `    label: ${q(c.label)}`);
    if (c.parent) lines.push(`    parent: ${c.parent}`);
    if (c.actorTypes) lines.push(`    actor-types: [${c.actorTypes.join(', ')}]`);
    const fields = Object.entries(c.fields);
    if (fields.length > 0) {
      lines.push('    fields:');
      for (const [name, f] of fields) {
        const parts = [`type: ${f.type}`];
        if (f.values) parts.push(`values: [${f.values.join(', ')}]`);
        if (f.required) parts.push('required: true');
        lines.push(`      ${name}: { ${parts.join(', ')} }`);
      }
    }
  }
  lines.push(
    '',
    'stances:',
    '  pledge: { label: Pledge }',
    '  conditional: { label: Conditional pledge, requires: [condition] }',
    '  proposal: { label: Proposal }',
    '  refusal: { label: Refusal }',
    '  demand: { label: Demand }',
    '  report: { label: Reported / unattributed }',
    '',
    'contradictions:',
    '  - [pledge, refusal]',
    '  - [conditional, refusal]',
    '',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Articles and sidecars

const VERBS: Record<string, string[]> = {
  pledge: ['pledged to', 'committed to', 'promised to', 'announced it would'],
  conditional: ['would, once a ceasefire holds,', 'is ready, after a peace deal, to', 'would only after a truce'],
  proposal: ['proposed to', 'suggested that partners', 'floated a plan to'],
  refusal: ['refused to', 'ruled out any move to', 'declined to'],
  demand: ['called on allies to', 'urged partners to', 'demanded that Europe'],
  report: ['is expected to', 'was reported to', 'is said to'],
};
const CONDITIONS = ['once a ceasefire enters into force', 'only after a peace deal is signed', 'if the United States provides a backstop', 'subject to parliamentary approval'];
const LOCATIONS = ['Ukraine', 'Poland', 'the Baltic states', 'Romania', 'the Black Sea'];
const ANNOTATORS = ['alice', 'bob', 'chen', 'dana'];

interface Sentence {
  text: string;
  claims: Array<{ actor: Actor; stance: string; offset: number; length: number }>;
}

interface ClaimRecord {
  id: string;
  actor: string;
  commitment: Commitment;
  stance: string;
  exact: string;
  start: number;
  end: number;
}

function generate(spec: DatasetSpec, out: Writer): void {
  const r = new Random(spec.seed);
  const v = vocabulary();
  const cb = buildCodebook(r);
  out.write('claimbook.yaml', codebookYaml(cb));
  const perArticle = Math.round(spec.claims / spec.articles);
  const fieldsOf = new Map(cb.commitments.map((c) => [c.id, effectiveFields(cb, c)]));
  for (let a = 0; a < spec.articles; a++) {
    const folder = `articles/${String(2020 + (a % 6))}/${String(1 + (a % 12)).padStart(2, '0')}`;
    const stem = `article-${String(a).padStart(5, '0')}`;
    // Each article has a cast and a topic, so actors and commitments repeat within it.
    const cast = Array.from({ length: Math.min(12, 4 + Math.floor(perArticle / 10)) }, () => r.pick(cb.actors));
    const topic = Array.from({ length: 6 }, () => r.pick(cb.commitments));
    const { text, records } = article(r, v, cast, topic, perArticle, spec.claimSentences);
    const sha = createHash('sha256').update(text).digest('hex');
    const problem = r.chance(spec.problemRate) ? r.pick(['moved', 'drifted', 'unknown-actor', 'missing-field', 'stale']) : undefined;
    out.write(`${folder}/${stem}.txt`, text);
    out.write(`${folder}/${stem}.claims.yaml`, sidecar(r, `${stem}.txt`, text, sha, records, fieldsOf, problem));
  }
}

function effectiveFields(cb: Codebook, c: Commitment): Commitment['fields'] {
  const byId = new Map(cb.commitments.map((x) => [x.id, x]));
  const fields: Commitment['fields'] = {};
  const seen = new Set<string>();
  for (let cur: Commitment | undefined = c; cur && !seen.has(cur.id); cur = cur.parent ? byId.get(cur.parent) : undefined) {
    seen.add(cur.id);
    for (const [k, f] of Object.entries(cur.fields)) fields[k] ??= f;
  }
  return fields;
}

function article(r: Random, v: Vocabulary, cast: Actor[], topic: Commitment[], claims: number, rate: number): { text: string; records: ClaimRecord[] } {
  const paragraphs: string[] = [];
  const records: ClaimRecord[] = [];
  const ids = new Set<string>();
  const stances = new Map<string, string>();
  let offset = 0; // code points; the generated text is all BMP, so UTF-16 units too
  const title = capital(words(v, r, 6, 12));
  paragraphs.push(title);
  offset += title.length + 2;
  while (records.length < claims) {
    const sentences: string[] = [];
    const count = r.int(3, 6);
    let local = offset;
    for (let s = 0; s < count && records.length < claims; s++) {
      const sentence = makeSentence(r, v, cast, records.length < claims && r.chance(rate));
      for (const c of sentence.claims) {
        const exact = sentence.text.slice(c.offset, c.offset + c.length);
        // Only commitments the actor's type may make; one stance per actor and commitment in an
        // article (a contradiction is a rare, deliberate event).
        const allowed = topic.filter((t) => t.actorTypes === undefined || t.actorTypes.includes(c.actor.type));
        if (allowed.length === 0) continue;
        const commitments = r.chance(0.1) ? [r.pick(allowed), r.pick(allowed)] : [r.pick(allowed)];
        for (const commitment of new Set(commitments)) {
          const pair = `${c.actor.id}|${commitment.id}`;
          const stance = stances.get(pair) ?? c.stance;
          stances.set(pair, stance);
          let id: string;
          do id = `c-${Math.floor(r.next() * 36 ** 6).toString(36).padStart(6, '0')}`;
          while (ids.has(id));
          ids.add(id);
          records.push({ id, actor: c.actor.id, commitment, stance, exact, start: local + c.offset, end: local + c.offset + c.length });
        }
      }
      sentences.push(sentence.text);
      local += sentence.text.length + 1;
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    offset += paragraph.length + 2;
  }
  return { text: `${paragraphs.join('\n\n')}\n`, records };
}

function makeSentence(r: Random, v: Vocabulary, cast: Actor[], withClaim: boolean): Sentence {
  if (!withClaim) {
    // Plain prose; some of it mentions an actor no claim covers (an untagged mention).
    const body = words(v, r, 10, 24);
    const text = r.chance(0.3) ? `${capital(body)}, according to ${label(r, r.pick(cast))}.` : `${capital(body)}.`;
    return { text, claims: [] };
  }
  const actor = r.pick(cast);
  const stance = r.weighted(['pledge', 'conditional', 'proposal', 'refusal', 'demand', 'report'], [30, 12, 14, 8, 10, 26]);
  const lead = r.chance(0.4) ? `${capital(words(v, r, 3, 8))}, ` : '';
  const clause = `${label(r, actor)} ${r.pick(VERBS[stance] as string[])} ${words(v, r, 6, 16).replace(/^./, (c) => c.toLowerCase())}`;
  const text = `${lead}${lead ? clause : capital(clause)}.`;
  return { text, claims: [{ actor, stance, offset: lead.length, length: clause.length }] };
}

function label(r: Random, actor: Actor): string {
  return actor.aliases.length > 0 ? r.pick(actor.aliases) : actor.name;
}

function sidecar(
  r: Random,
  article: string,
  text: string,
  sha: string,
  records: ClaimRecord[],
  fieldsOf: Map<string, Commitment['fields']>,
  problem: string | undefined,
): string {
  const victim = problem ? r.int(0, records.length - 1) : -1;
  const lines = [
    `# Claims for ${article} (generated by bench/generate.ts).`,
    `article: ${article}`,
    'source:',
    `  title: ${q(text.slice(0, text.indexOf('\n')))}`,
    `  published: 2025-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
    `text-sha256: ${problem === 'stale' ? sha.replace(/^./, (c) => (c === '0' ? '1' : '0')) : sha}`,
    'claims:',
  ];
  records.forEach((c, i) => {
    let { exact, start, end } = c;
    let actor = c.actor;
    let dropRequired = false;
    if (i === victim) {
      if (problem === 'moved') {
        start += 7;
        end += 7;
      } else if (problem === 'drifted') exact = exact.replace(/ (\w)(\w)/, ' $2$1');
      else if (problem === 'unknown-actor') actor = actor.slice(0, -1);
      else if (problem === 'missing-field') dropRequired = true;
    }
    lines.push(`  - id: ${c.id}`, `    actor: ${actor}`, `    commitment: ${c.commitment.id}`, `    stance: ${c.stance}`);
    if (c.stance === 'conditional') lines.push(`    condition: ${r.pick(CONDITIONS)}`);
    const fields: string[] = [];
    for (const [name, f] of Object.entries(fieldsOf.get(c.commitment.id) ?? {})) {
      if (f.required && dropRequired) continue;
      if (f.required || r.chance(0.3)) {
        if (f.type === 'money') fields.push(`${name}: "EUR ${r.int(1, 90)} billion"`);
        else if (f.type === 'enum') fields.push(`${name}: ${r.pick(f.values ?? ['x'])}`);
        else if (f.type === 'string') fields.push(`${name}: ${r.pick(LOCATIONS)}`);
      }
    }
    if (fields.length > 0) lines.push(`    fields: { ${fields.join(', ')} }`);
    lines.push(`    annotator: ${r.pick(ANNOTATORS)}`);
    if (r.chance(0.15)) lines.push(`    note: ${q(capital(r.pick(['check the date', 'second source agrees', 'paraphrased in the headline', 'ambiguous subject'])))}`);
    const prefix = text.slice(Math.max(0, c.start - 32), c.start);
    const suffix = text.slice(c.end, c.end + 32);
    lines.push('    quote:', `      exact: ${q(exact)}`, `      prefix: ${q(prefix)}`, `      suffix: ${q(suffix)}`, `      start: ${start}`, `      end: ${end}`, '');
  });
  return `${lines.join('\n')}`;
}

if (require.main === module) {
  const names = process.argv.slice(2);
  for (const name of names.length > 0 ? names : ['S', 'M', 'big']) {
    const spec = SPECS[name];
    if (!spec) throw new Error(`unknown dataset ${name}`);
    const g = ensureDataset(spec, (s) => console.log(s));
    console.log(`${name}: ${g.dir} — ${g.articles.length} articles, ${g.sidecars.length} sidecars, ${(g.bytes / 1048576).toFixed(1)} MB`);
  }
}
