/** Counts for `claimbook stats`: by actor, commitment, stance and article, plus coverage. */
import type { CheckResult } from './check';

export interface Stats {
  articles: number;
  sidecars: number;
  claims: number;
  byActor: Record<string, number>;
  byCommitment: Record<string, number>;
  byStance: Record<string, number>;
  byArticle: Record<string, number>;
  /** Share of article code points inside at least one anchored claim, over annotated articles. */
  coverage: number;
  findings: Record<string, number>;
}

export function computeStats(result: CheckResult): Stats {
  const count = (into: Map<string, number>, key: string | undefined) => into.set(key ?? '(none)', (into.get(key ?? '(none)') ?? 0) + 1);
  const byActor = new Map<string, number>();
  const byCommitment = new Map<string, number>();
  const byStance = new Map<string, number>();
  const byArticle = new Map<string, number>();
  let covered = 0;
  let total = 0;
  let claims = 0;
  for (const s of result.sidecars) {
    for (const { claim } of s.claims) {
      claims++;
      count(byActor, claim.actor);
      count(byCommitment, claim.commitment);
      count(byStance, claim.stance);
      count(byArticle, s.article?.path ?? s.sidecar.articlePath);
    }
    if (s.article?.index) {
      total += s.article.index.cpLength;
      covered += unionLength(s.claims.flatMap((c) => (c.anchor && c.anchor.status !== 'orphaned' ? [c.anchor] : [])));
    }
  }
  const findings = new Map<string, number>();
  for (const f of result.findings) count(findings, f.severity);
  return {
    articles: result.articles.length,
    sidecars: result.sidecars.length,
    claims,
    byActor: sorted(byActor),
    byCommitment: sorted(byCommitment),
    byStance: sorted(byStance),
    byArticle: sorted(byArticle),
    coverage: total === 0 ? 0 : covered / total,
    findings: sorted(findings),
  };
}

export function unionLength(spans: Array<{ start: number; end: number }>): number {
  const sortedSpans = [...spans].sort((a, b) => a.start - b.start);
  let length = 0;
  let reach = -1;
  for (const s of sortedSpans) {
    const from = Math.max(s.start, reach);
    if (s.end > from) length += s.end - from;
    reach = Math.max(reach, s.end);
  }
  return length;
}

/** Most frequent first, then by name: the order a reader scans. */
function sorted(map: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) out[k] = v;
  return out;
}
