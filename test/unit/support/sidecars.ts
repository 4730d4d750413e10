/** Random sidecars for the fmt and merge property tests: random claims written in random YAML styles. */
import { pick } from './random';

type Rand = (n: number) => number;

export interface Claim {
  id: string;
  actor: string;
  commitment: string;
  stance: string;
  condition?: string;
  fields?: Record<string, string | number>;
  note?: string;
  quote: { exact: string; prefix: string; suffix: string; start: number; end: number };
}

const ACTORS = ['macron', 'starmer', 'eu', 'france', 'zelensky'];
const COMMITMENTS = ['security-guarantee', 'troop-deployment', 'rearmament'];
const STANCES = ['pledge', 'refusal', 'conditional', 'report'];
const WORDS = ['peace', 'deal', 'troops', 'Ukraine', "it's", 'a "quote"', 'x: y', 'naïve', '€90 billion', 'yes', '12', '', 'peace', 'deal'];
/** Rarer: each sends its block through the range-keeping parser. */
const RARE_WORDS = ['# not a comment', 'a #hash'];

export function randomId(rand: Rand): string {
  let id = 'c-';
  for (let i = 0; i < 6; i++) id += 'abcdefghijklmnopqrstuvwxyz0123456789'[rand(36)];
  return id;
}

function words(rand: Rand, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(rand(40) === 0 ? pick(rand, RARE_WORDS) : pick(rand, WORDS));
  return out.join(' ').trim();
}

export function randomClaim(rand: Rand, id = randomId(rand)): Claim {
  const start = rand(500);
  const claim: Claim = {
    id,
    actor: pick(rand, ACTORS),
    commitment: pick(rand, COMMITMENTS),
    stance: pick(rand, STANCES),
    quote: { exact: words(rand, 1 + rand(4)) || 'q', prefix: words(rand, rand(2)), suffix: words(rand, rand(2)), start, end: start + 1 + rand(50) },
  };
  if (rand(3) === 0) claim.condition = words(rand, 1 + rand(3)) || 'if';
  if (rand(3) === 0) claim.fields = rand(2) ? { location: pick(rand, ['Ukraine', 'Romania']) } : { amount: 'EUR 5 billion', count: rand(9) };
  if (rand(4) === 0) claim.note = words(rand, 1 + rand(3)) || 'n';
  return claim;
}

/** A scalar in one of YAML's styles that reads back as the same value. */
function scalar(rand: Rand, v: string | number): string {
  if (typeof v === 'number') return String(v);
  const plainOk = /^[a-z][a-z0-9 -]*$/i.test(v) && !/^(?:yes|no|true|false|null|on|off)$/i.test(v);
  const style = rand(3);
  if (style === 0 && plainOk) return v;
  if (style === 1) return `'${v.replace(/'/g, "''")}'`;
  return JSON.stringify(v);
}

/** A claim as YAML lines in a random style: key order shuffled, flow or block quote, comments (when `comments`). */
export function claimYaml(rand: Rand, c: Claim, comments = true): string[] {
  const pairs: string[][] = [];
  const add = (k: string, v: string | number | undefined) => v !== undefined && pairs.push([`${k}: ${scalar(rand, v)}`]);
  add('id', c.id);
  add('actor', c.actor);
  add('commitment', c.commitment);
  add('stance', c.stance);
  add('condition', c.condition);
  add('note', c.note);
  if (c.fields) pairs.push([`fields: { ${Object.entries(c.fields).map(([k, v]) => `${k}: ${scalar(rand, v)}`).join(', ')} }`]);
  const q = c.quote;
  if (rand(2)) pairs.push([`quote: { exact: ${scalar(rand, q.exact)}, prefix: ${scalar(rand, q.prefix)}, suffix: ${scalar(rand, q.suffix)}, start: ${q.start}, end: ${q.end} }`]);
  else pairs.push(['quote:', `  exact: ${scalar(rand, q.exact)}`, `  prefix: ${scalar(rand, q.prefix)}`, `  suffix: ${scalar(rand, q.suffix)}`, `  start: ${q.start}`, `  end: ${q.end}`]);
  for (let i = pairs.length - 1; i > 0; i--) {
    if (rand(3) === 0) {
      const j = rand(i + 1);
      [pairs[i], pairs[j]] = [pairs[j] as string[], pairs[i] as string[]];
    }
  }
  const lines: string[] = [];
  if (comments && rand(5) === 0) lines.push(`  # about ${c.id}`);
  pairs.forEach((p, i) => {
    if (comments && i > 0 && rand(8) === 0) lines.push(`    # before ${p[0]?.split(':')[0]}`);
    p.forEach((line, j) => lines.push(`${i === 0 && j === 0 ? '  - ' : '    '}${line}${comments && j === 0 && rand(8) === 0 ? ' # inline' : ''}`));
  });
  return lines;
}

export function sidecarYaml(rand: Rand, claims: readonly Claim[], comments = true, article = 'a.txt'): string {
  const lines = [`article: ${article}`];
  if (comments && rand(3) === 0) lines.unshift('# a sidecar');
  if (rand(2)) lines.push('text-sha256: 9f2c');
  lines.push(claims.length === 0 ? 'claims: []' : 'claims:');
  for (const c of claims) {
    if (rand(2)) lines.push('');
    lines.push(...claimYaml(rand, c, comments));
  }
  return `${lines.join('\n')}\n`;
}

export function randomSidecar(rand: Rand): { claims: Claim[]; text: string } {
  const claims: Claim[] = [];
  const n = rand(8);
  for (let i = 0; i < n; i++) claims.push(randomClaim(rand));
  return { claims, text: sidecarYaml(rand, claims) };
}

/** The claims of a parsed sidecar by id (order does not count: fmt sorts them). */
export function claimsOf(value: { claims?: unknown[] } | null): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const c of value?.claims ?? []) out.set((c as { id: string }).id, c);
  return out;
}
