/**
 * A one-off check split into parts that run at once (the CLI gives one part to a worker
 * thread). Each part checks the articles and sidecars of its stems (`partOf`) against the
 * whole listing and sends back plain facts: its findings, the texts they point into, and what
 * the two cross-file rules need. `mergeParts` runs those rules over every part's facts, so the
 * merged findings equal those of one whole check; test/unit/datasetParts.test.ts compares them.
 *
 * A sidecar naming an article of another part (not its own stem) would leave the article's
 * untagged mentions to a part without its claims: `mergeParts` answers undefined then, and the
 * caller checks the dataset whole.
 */
import type { Finding, RuleId } from '../model/finding';
import { compareFindings } from '../model/finding';
import { RULES } from '../rules';
import { acrossArticlesOf, contradictionGroup, contradicts, type StatedView } from '../rules/contradiction';
import { ambiguities } from '../rules/sidecarAmbiguous';
import { at, claimPlace, type Place } from '../rules/where';
import { articleStem, isSidecarPath, sidecarStem, type CodebookFile } from './files';
import { loadSidecarFast } from './fastFiles';
import { CODEBOOK_FILE, MAX_FILE_BYTES, type Host } from './host';
import { usable, type CheckResult, type SeverityOverrides } from './datasetIndex';
import { reporter, ruleRun, type RuleRun } from './sidecarUnit';

/**
 * The claims that may take part in a contradiction across articles, as columns of numbers and
 * one table of distinct strings: 12,000 claim objects with their places took 25 ms to copy from
 * the worker thread (half of dataset M), columns a fraction of that.
 */
export interface StatedFacts {
  /** Actors, commitments, stances and report files, each once; the columns below index it. */
  strings: string[];
  /** Index into `PartFacts.sidecars`. */
  sidecar: Int32Array;
  index: Int32Array;
  actor: Int32Array;
  commitment: Int32Array;
  stance: Int32Array;
  id: Array<string | undefined>;
  /** Where to report the claim (`claimPlace`): [start, end) in the file `placeFile` names. */
  placeFile: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

export interface PartFacts {
  findings: Finding[];
  /** The text of every file a finding points into (for lines and columns). */
  texts: Array<[string, string]>;
  /** Articles read, in listing order. */
  articles: string[];
  /** Sidecars read, in listing order, with the article each names (`source`: as related information names it). */
  sidecars: Array<{ path: string; articlePath: string | undefined; source: string }>;
  stated: StatedFacts;
}

/** The part (0 … parts − 1) a file belongs to: by its stem, so a sidecar goes with its article. */
export function partOf(path: string, parts: number): number {
  if (path === CODEBOOK_FILE || parts <= 1) return 0;
  const stem = isSidecarPath(path) ? sidecarStem(path) : articleStem(path);
  // FNV-1a: stable across threads and runs, spreads neighbouring names.
  let h = 0x811c9dc5;
  for (let i = 0; i < stem.length; i++) h = Math.imul(h ^ stem.charCodeAt(i), 0x01000193);
  return (h >>> 0) % parts;
}

/** What a part sends back: `keep` drops findings nobody will show (hints the CLI hides). */
export function partFacts(result: CheckResult, keep: (f: Finding) => boolean = () => true): PartFacts {
  const findings = result.findings.filter(keep);
  const files = new Set(findings.map((f) => f.file));
  const texts: Array<[string, string]> = [];
  for (const file of files) {
    const text = result.texts.get(file);
    if (text !== undefined) texts.push([file, text]);
  }
  const sidecars: PartFacts['sidecars'] = [];
  let most = 0;
  for (const ctx of result.sidecars) most += ctx.claims.length;
  const stated = new StatedColumns(most);
  for (const ctx of result.sidecars) {
    const n = sidecars.push({ path: ctx.sidecar.path, articlePath: ctx.sidecar.articlePath, source: ctx.sidecar.model.article ?? ctx.sidecar.path }) - 1;
    // The context holds the codebook only when it parsed cleanly, as the rule needs it.
    const model = ctx.codebook?.model;
    if (!model) continue;
    for (const c of ctx.claims) {
      // A claim whose stance contradicts nothing is never reported nor counted against another.
      if (contradictionGroup(c) === undefined || !contradicts(model, c.claim.stance)) continue;
      stated.push(n, c.claim, claimPlace(ctx, c));
    }
  }
  return { findings, texts, articles: result.articles.map((a) => a.path), sidecars, stated: stated.done() };
}

interface Merged {
  findings: Finding[];
  texts: Map<string, string>;
}

/**
 * Every part's findings and those of the cross-file rules over all parts, sorted as one check
 * sorts them; undefined when a sidecar names an article of another part.
 */
export async function mergeParts(host: Host, parts: PartFacts[], codebook: CodebookFile | undefined, order: ReadonlyMap<string, number>, severities: SeverityOverrides = {}): Promise<Merged | undefined> {
  const count = parts.length;
  for (const part of parts) {
    for (const s of part.sidecars) {
      if (s.articlePath !== undefined && order.has(s.articlePath) && partOf(s.articlePath, count) !== partOf(s.path, count)) return undefined;
    }
  }
  const findings: Finding[] = [];
  const texts = new Map<string, string>();
  for (const part of parts) {
    for (const f of part.findings) findings.push(f);
    for (const [file, text] of part.texts) texts.set(file, text);
  }
  const rank = (path: string): number => order.get(path) ?? Number.MAX_SAFE_INTEGER;
  // Every part's sidecars in listing order, as one check sees them, with where each came from.
  const sidecars = parts.flatMap((facts, part) => facts.sidecars.map((side, i) => ({ part, i, side, rank: rank(side.path) })));
  sidecars.sort((a, b) => a.rank - b.rank);

  const model = codebook && usable(codebook) ? codebook.model : undefined;
  const contradiction = run('contradiction', severities);
  if (contradiction && model && model.contradictions.length > 0) {
    // Members in listing order of their sidecars, claims in sidecar order: as one check groups
    // them. Each part's claims come sidecar by sidecar, so whole runs are taken at once.
    const runs = parts.map(({ stated }) => {
      const at = new Map<number, [number, number]>();
      for (let k = 0; k < stated.sidecar.length; k++) {
        const r = at.get(stated.sidecar[k] as number);
        if (r) r[1] = k + 1;
        else at.set(stated.sidecar[k] as number, [k, k + 1]);
      }
      return at;
    });
    // Every part's string numbers in one numbering, so that a group is a pair of numbers.
    const table = new StringTable();
    const global = parts.map(({ stated }) => Int32Array.from(stated.strings, (str) => table.number(str)));
    const { strings } = table;
    // Claims by number; a number's sidecar (by identity), claim, place and source alongside.
    const claims: StatedClaim[] = [];
    const places: Array<{ part: number; k: number }> = [];
    const owner: number[] = [];
    const sources: string[] = [];
    const groups = new Map<number, number[]>();
    sidecars.forEach(({ part, i, side }, n) => {
      sources.push(side.source);
      const r = runs[part]?.get(i);
      if (!r) return;
      const { stated } = parts[part] as PartFacts;
      const g = global[part] as Int32Array;
      for (let k = r[0]; k < r[1]; k++) {
        const actor = g[stated.actor[k] as number] as number;
        const commitment = g[stated.commitment[k] as number] as number;
        const key = actor * strings.length + commitment;
        const list = groups.get(key);
        if (list) list.push(claims.length);
        else groups.set(key, [claims.length]);
        claims.push({
          id: stated.id[k],
          index: stated.index[k] as number,
          actor: strings[actor] as string,
          commitment: strings[commitment] as string,
          stance: strings[g[stated.stance[k] as number] as number] as string,
        });
        places.push({ part, k });
        owner.push(n);
      }
    });
    const view: StatedView<number> = {
      sidecar: (j) => owner[j],
      claim: (j) => claims[j] as StatedClaim,
      place: (j) => {
        const { part, k } = places[j] as { part: number; k: number };
        const { stated } = parts[part] as PartFacts;
        return { file: stated.strings[stated.placeFile[k] as number] as string, start: stated.start[k] as number, end: stated.end[k] as number };
      },
      source: (j) => sources[owner[j] as number] as string,
    };
    const report = reporter(contradiction, findings);
    for (const list of groups.values()) if (list.length > 1) acrossArticlesOf(model, list, view, report);
  }

  const ambiguous = run('sidecar-ambiguous', severities);
  if (ambiguous) {
    const articles = parts.flatMap((p) => p.articles).sort((a, b) => rank(a) - rank(b));
    const named = sidecars.map((s) => s.side);
    // Only a sidecar reported needs its `article` located: find which, then read just those.
    const wanted = new Set<string>();
    ambiguities(articles, named, (path) => (wanted.add(path), { file: path, start: 0, end: 0 }), () => undefined);
    const places = new Map<string, Place>();
    for (const path of wanted) {
      const r = await host.readText(path, MAX_FILE_BYTES);
      places.set(path, r.ok ? at(loadSidecarFast(path, r.text), ['article']) : { file: path, start: 0, end: 0 });
      if (r.ok) texts.set(path, r.text);
    }
    ambiguities(articles, named, (path) => places.get(path) ?? { file: path, start: 0, end: 0 }, reporter(ambiguous, findings));
  }
  return { findings: findings.sort(compareFindings), texts };
}

interface StatedClaim {
  id: string | undefined;
  index: number;
  actor: string;
  commitment: string;
  stance: string;
}

/** `StatedFacts` as they are filled: room for every claim, cut to those pushed. */
/** Distinct strings, numbered in order of first sight. */
class StringTable {
  readonly strings: string[] = [];
  private readonly numbers = new Map<string, number>();

  number(str: string): number {
    let k = this.numbers.get(str);
    if (k === undefined) this.numbers.set(str, (k = this.strings.push(str) - 1));
    return k;
  }
}

class StatedColumns {
  private readonly table = new StringTable();
  private readonly id: Array<string | undefined> = [];
  private readonly sidecar: Int32Array;
  private readonly index: Int32Array;
  private readonly actor: Int32Array;
  private readonly commitment: Int32Array;
  private readonly stance: Int32Array;
  private readonly placeFile: Int32Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private n = 0;

  constructor(most: number) {
    this.sidecar = new Int32Array(most);
    this.index = new Int32Array(most);
    this.actor = new Int32Array(most);
    this.commitment = new Int32Array(most);
    this.stance = new Int32Array(most);
    this.placeFile = new Int32Array(most);
    this.start = new Int32Array(most);
    this.end = new Int32Array(most);
  }

  /** Adds a claim that has an actor, a commitment and a stance. */
  push(sidecar: number, claim: { id?: string | undefined; index: number; actor?: string | undefined; commitment?: string | undefined; stance?: string | undefined }, place: Place): void {
    const k = this.n++;
    this.sidecar[k] = sidecar;
    this.index[k] = claim.index;
    this.actor[k] = this.table.number(claim.actor as string);
    this.commitment[k] = this.table.number(claim.commitment as string);
    this.stance[k] = this.table.number(claim.stance as string);
    this.id.push(claim.id);
    this.placeFile[k] = this.table.number(place.file);
    this.start[k] = place.start;
    this.end[k] = place.end;
  }

  done(): StatedFacts {
    const n = this.n;
    // Copies, not views: a view would carry the whole buffer to the other thread.
    return {
      strings: this.table.strings,
      sidecar: this.sidecar.slice(0, n),
      index: this.index.slice(0, n),
      actor: this.actor.slice(0, n),
      commitment: this.commitment.slice(0, n),
      stance: this.stance.slice(0, n),
      id: this.id,
      placeFile: this.placeFile.slice(0, n),
      start: this.start.slice(0, n),
      end: this.end.slice(0, n),
    };
  }

}

function run(id: RuleId, severities: SeverityOverrides): RuleRun | undefined {
  const rule = RULES.find((r) => r.id === id);
  return rule && ruleRun(rule, severities);
}
