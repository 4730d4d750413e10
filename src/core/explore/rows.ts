/**
 * One row per claim of a checked dataset, with what the explorer shows about it: ids, the
 * quote, where it is anchored and the problems the findings report about it. Plain data, built
 * once per validation; the tree views group and filter these rows.
 */
import type { CheckResult } from '../dataset/check';
import type { Finding, Severity } from '../model/finding';
import type { Claim } from '../model/sidecar';
import type { ClaimAnchorStatus } from '../rules/rule';

/** Problems worth a badge on a claim node (DESIGN §3 rule ids, shortened). */
export const PROBLEM_BADGES = ['orphaned', 'mismatch', 'ambiguous', 'drifted', 'contradiction'] as const;
export type ProblemBadge = (typeof PROBLEM_BADGES)[number];

const BADGE_OF: Partial<Record<Finding['rule'], ProblemBadge>> = {
  'anchor-orphaned': 'orphaned',
  'quote-mismatch': 'mismatch',
  'anchor-ambiguous': 'ambiguous',
  'anchor-drifted': 'drifted',
  contradiction: 'contradiction',
};

export interface ClaimRow {
  /** Unique in the dataset and stable while the claim keeps its id: sidecar path + id (or index when the id is missing or repeated). */
  key: string;
  sidecarPath: string;
  /** The article's dataset path, resolved against the sidecar's folder. */
  articlePath: string | undefined;
  /** `source.title` of the sidecar, when it has one. */
  articleTitle: string | undefined;
  /** Position in the sidecar's `claims` sequence. */
  index: number;
  id: string | undefined;
  actor: string | undefined;
  commitment: string | undefined;
  stance: string | undefined;
  condition: string | undefined;
  annotator: string | undefined;
  /** The quote's exact text ('' when the claim has none). */
  quote: string;
  anchor: ClaimAnchorStatus | 'unanchored';
  /** The claim's span in the article, in raw UTF-16 offsets (what editors use), when anchored. */
  span: { start: number; end: number } | undefined;
  badges: ProblemBadge[];
  /** Findings about this claim (those carrying its id), with their fixes. */
  findings: Finding[];
  /** The model object, for copying the claim as JSON. */
  claim: Claim;
}

export function claimRows(result: CheckResult): ClaimRow[] {
  const byClaim = findingsByClaim(result.findings);
  const rows: ClaimRow[] = [];
  for (const ctx of result.sidecars) {
    const sidecarPath = ctx.sidecar.path;
    const articlePath = ctx.article?.path ?? ctx.sidecar.articlePath;
    const title = ctx.sidecar.model.source.get('title');
    const idCounts = new Map<string, number>();
    for (const { claim } of ctx.claims) if (claim.id !== undefined) idCounts.set(claim.id, (idCounts.get(claim.id) ?? 0) + 1);
    for (const { claim, anchor } of ctx.claims) {
      const unique = claim.id !== undefined && idCounts.get(claim.id) === 1;
      const findings = claim.id === undefined ? [] : dedupe([...(byClaim.get(place(sidecarPath, claim.id)) ?? []), ...(articlePath === undefined ? [] : byClaim.get(place(articlePath, claim.id)) ?? [])]);
      const index = ctx.article?.index;
      rows.push({
        key: unique ? `${sidecarPath}#${claim.id}` : `${sidecarPath}@${claim.index}`,
        sidecarPath,
        articlePath,
        articleTitle: typeof title === 'string' ? title : undefined,
        index: claim.index,
        id: claim.id,
        actor: claim.actor,
        commitment: claim.commitment,
        stance: claim.stance,
        condition: claim.condition,
        annotator: claim.annotator,
        quote: claim.quote?.exact ?? '',
        anchor: anchor?.status ?? 'unanchored',
        span: anchor && index && anchor.status !== 'orphaned' ? { start: index.cpToRaw(anchor.start), end: index.cpToRaw(anchor.end) } : undefined,
        badges: badgesOf(findings),
        findings,
        claim,
      });
    }
  }
  return rows;
}

const SERIOUS: ReadonlySet<Severity> = new Set(['error', 'warning']);

/** A claim with a badge or an error/warning about it: what "problems only" keeps. */
export function hasProblems(row: ClaimRow): boolean {
  return row.badges.length > 0 || row.findings.some((f) => SERIOUS.has(f.severity));
}

function place(file: string, claimId: string): string {
  return `${file}\u0000${claimId}`;
}

function findingsByClaim(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.claimId === undefined) continue;
    const k = place(f.file, f.claimId);
    const list = out.get(k);
    if (list) list.push(f);
    else out.set(k, [f]);
  }
  return out;
}

function dedupe<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function badgesOf(findings: readonly Finding[]): ProblemBadge[] {
  const found = new Set<ProblemBadge>();
  for (const f of findings) {
    const b = BADGE_OF[f.rule];
    if (b) found.add(b);
  }
  return PROBLEM_BADGES.filter((b) => found.has(b));
}
