/**
 * The dataset as export records: one per claim, grouped by sidecar, with everything every
 * format needs (labels from the codebook, offsets in code points and UTF-16). Records are made
 * lazily, one sidecar at a time, so a writer can stream them out without a second copy of the
 * dataset in memory.
 */
import type { CheckResult, SeverityOverrides } from '../dataset/check';
import { RULES } from '../rules';
import type { ClaimAnchorStatus } from '../rules/rule';
import { commitmentLineage, type Codebook, type Commitment } from '../model/codebook';
import type { TextIndex } from '../text/textIndex';
import type { ExportFilter } from './filter';
import { matchesExportFilter } from './filter';

export interface ExportClaim {
  /** The claim's id ('' only with --include-invalid for a claim without one). */
  id: string;
  actor: { id: string; name: string | null };
  commitment: { id: string; label: string | null; ancestors: string[] };
  stance: { id: string; label: string | null };
  condition: string | null;
  fields: Array<[string, unknown]>;
  speaker: string | null;
  annotator: string | null;
  note: string | null;
  quote: { exact: string; prefix: string; suffix: string };
  /** Code points into the normalised article text: where the quote is anchored now. */
  start: number;
  end: number;
  /** UTF-16 code units into the same normalised text (JavaScript's and VS Code's unit); null without the article. */
  start16: number | null;
  end16: number | null;
  anchor: ClaimAnchorStatus | 'unanchored';
}

export interface ExportArticle {
  /** Dataset path of the article (as the sidecar names it, resolved). */
  article: string;
  sidecar: string;
  /** The normalised article text the offsets count in (CRLF and lone CR as LF); undefined when unreadable. */
  text: string | undefined;
  source: Array<[string, unknown]>;
  claims: ExportClaim[];
}

export interface ExportOptions {
  filter?: ExportFilter;
  /** Export claims that have error findings (orphaned anchors, unknown ids) too. */
  includeInvalid?: boolean;
}

/** Filled in while records are made: what the summary line says. */
export interface ExportCounts {
  articles: number;
  exported: number;
  /** Claims left out because an error finding is about them (without includeInvalid). */
  invalid: number;
  /** Claims left out by the filter. */
  filtered: number;
}

/**
 * The check an export needs: only error findings decide what is left out, so rules that never
 * report errors (untagged mentions scanning every article, contradictions, article hashes) are
 * switched off.
 */
export function exportSeverities(): SeverityOverrides {
  return Object.fromEntries(RULES.filter((r) => r.defaultSeverity !== 'error').map((r) => [r.id, 'off'])) as SeverityOverrides;
}

export function newCounts(): ExportCounts {
  return { articles: 0, exported: 0, invalid: 0, filtered: 0 };
}

/**
 * The records, sidecar by sidecar in path order, claims in sidecar order. A sidecar with no
 * claim left after filtering still yields its article (spans and brat keep the text), unless a
 * filter is set, which means the user asked for those claims only.
 */
export function* exportArticles(result: CheckResult, options: ExportOptions = {}, counts: ExportCounts = newCounts()): Generator<ExportArticle> {
  const codebook = result.codebook?.model;
  const errors = claimsWithErrors(result);
  // A commitment's lineage, walked once per export rather than once per claim.
  const lineages = new Map<string, Commitment[]>();
  const sidecars = [...result.sidecars].sort((a, b) => (a.sidecar.path < b.sidecar.path ? -1 : a.sidecar.path > b.sidecar.path ? 1 : 0));
  for (const ctx of sidecars) {
    const articlePath = ctx.article?.path ?? ctx.sidecar.articlePath;
    if (articlePath === undefined) continue;
    const index = ctx.article?.index;
    const claims: ExportClaim[] = [];
    const ids = new Map<string, number>();
    for (const { claim } of ctx.claims) if (claim.id !== undefined) ids.set(claim.id, (ids.get(claim.id) ?? 0) + 1);
    for (const { claim, anchor } of ctx.claims) {
      const q = claim.quote;
      const broken =
        claim.actor === undefined ||
        claim.commitment === undefined ||
        claim.stance === undefined ||
        q === undefined ||
        anchor === undefined ||
        anchor.status === 'orphaned' ||
        (claim.id !== undefined && (errors.has(key(ctx.sidecar.path, claim.id)) || errors.has(key(articlePath, claim.id))));
      if (broken && !options.includeInvalid) {
        counts.invalid++;
        continue;
      }
      const record = toRecord(claim, anchor, index, codebook, lineages);
      if (!record) {
        counts.invalid++;
        continue;
      }
      if (options.filter && !matchesExportFilter(record, articlePath, options.filter, codebook)) {
        counts.filtered++;
        continue;
      }
      claims.push(record);
    }
    if (options.filter && claims.length === 0) continue;
    counts.articles++;
    counts.exported += claims.length;
    yield { article: articlePath, sidecar: ctx.sidecar.path, text: index?.text, source: [...ctx.sidecar.model.source], claims };
  }
}

type Claim = CheckResult['sidecars'][number]['claims'][number]['claim'];
type Anchor = CheckResult['sidecars'][number]['claims'][number]['anchor'];

function toRecord(claim: Claim, anchor: Anchor, index: TextIndex | undefined, codebook: Codebook | undefined, lineages: Map<string, Commitment[]>): ExportClaim | undefined {
  const q = claim.quote;
  // Even --include-invalid cannot place a claim without its three ids and a quote: every format needs them.
  if (claim.actor === undefined || claim.commitment === undefined || claim.stance === undefined || q === undefined) return undefined;
  const placed = anchor && anchor.status !== 'orphaned';
  const start = placed ? anchor.start : q.start;
  const end = placed ? anchor.end : q.end;
  let lineage = lineages.get(claim.commitment);
  if (!lineage) lineages.set(claim.commitment, (lineage = codebook ? commitmentLineage(codebook, claim.commitment) : []));
  return {
    id: claim.id ?? '',
    actor: { id: claim.actor, name: codebook?.actors.get(claim.actor)?.name ?? null },
    commitment: { id: claim.commitment, label: lineage[0]?.label ?? null, ancestors: lineage.slice(1).map((c) => c.id) },
    stance: { id: claim.stance, label: codebook?.stances.get(claim.stance)?.label ?? null },
    condition: claim.condition ?? null,
    fields: [...claim.fields],
    speaker: claim.speaker ?? null,
    annotator: claim.annotator ?? null,
    note: claim.note ?? null,
    quote: { exact: q.exact, prefix: q.prefix ?? '', suffix: q.suffix ?? '' },
    start,
    end,
    start16: index && end <= index.cpLength ? index.cpToText16(start) : null,
    end16: index && end <= index.cpLength ? index.cpToText16(end) : null,
    anchor: anchor?.status ?? 'unanchored',
  };
}

function key(file: string, id: string): string {
  return `${file}\u0000${id}`;
}

/** Places (file + claim id) that an error finding is about. */
function claimsWithErrors(result: CheckResult): Set<string> {
  const out = new Set<string>();
  for (const f of result.findings) if (f.severity === 'error' && f.claimId !== undefined) out.add(key(f.file, f.claimId));
  return out;
}

/** Every `fields` name a claim may carry by the codebook, then any other found in the records, sorted: csv's columns. */
export function fieldNames(codebook: Codebook | undefined, extra: Iterable<string> = []): string[] {
  const names = new Set<string>();
  if (codebook) for (const c of codebook.commitments.values()) for (const name of c.fields.keys()) names.add(name);
  for (const n of extra) names.add(n);
  return [...names].sort();
}
