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

/** A claim that may take part in a contradiction across articles, as plain data. */
export interface StatedFact {
  /** Index into `PartFacts.sidecars`. */
  sidecar: number;
  key: string;
  id?: string | undefined;
  index: number;
  actor: string;
  commitment: string;
  stance: string;
  place: Place;
}

export interface PartFacts {
  findings: Finding[];
  /** The text of every file a finding points into (for lines and columns). */
  texts: Array<[string, string]>;
  /** Articles read, in listing order. */
  articles: string[];
  /** Sidecars read, in listing order, with the article each names (`source`: as related information names it). */
  sidecars: Array<{ path: string; articlePath: string | undefined; source: string }>;
  stated: StatedFact[];
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
  const stated: StatedFact[] = [];
  for (const ctx of result.sidecars) {
    const n = sidecars.push({ path: ctx.sidecar.path, articlePath: ctx.sidecar.articlePath, source: ctx.sidecar.model.article ?? ctx.sidecar.path }) - 1;
    // The context holds the codebook only when it parsed cleanly, as the rule needs it.
    const model = ctx.codebook?.model;
    if (!model) continue;
    for (const c of ctx.claims) {
      const key = contradictionGroup(c);
      // A claim whose stance contradicts nothing is never reported nor counted against another.
      if (key === undefined || !contradicts(model, c.claim.stance)) continue;
      const { id, index, actor, commitment, stance } = c.claim;
      stated.push({ sidecar: n, key, id, index, actor: actor as string, commitment: commitment as string, stance: stance as string, place: claimPlace(ctx, c) });
    }
  }
  return { findings, texts, articles: result.articles.map((a) => a.path), sidecars, stated };
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
    const runs = parts.map((facts) => {
      const at = new Map<number, [number, number]>();
      facts.stated.forEach((s, k) => {
        const r = at.get(s.sidecar);
        if (r) r[1] = k + 1;
        else at.set(s.sidecar, [k, k + 1]);
      });
      return at;
    });
    // Claims by number; a number's sidecar (by identity) and source alongside.
    const items: StatedFact[] = [];
    const owner: number[] = [];
    const sources: string[] = [];
    const groups = new Map<string, number[]>();
    sidecars.forEach(({ part, i, side }, n) => {
      sources.push(side.source);
      const r = runs[part]?.get(i);
      if (!r) return;
      const stated = (parts[part] as PartFacts).stated;
      for (let k = r[0]; k < r[1]; k++) {
        const s = stated[k] as StatedFact;
        const list = groups.get(s.key);
        if (list) list.push(items.length);
        else groups.set(s.key, [items.length]);
        items.push(s);
        owner.push(n);
      }
    });
    const view: StatedView<number> = {
      sidecar: (j) => owner[j],
      claim: (j) => items[j] as StatedFact,
      place: (j) => (items[j] as StatedFact).place,
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

function run(id: RuleId, severities: SeverityOverrides): RuleRun | undefined {
  const rule = RULES.find((r) => r.id === id);
  return rule && ruleRun(rule, severities);
}
