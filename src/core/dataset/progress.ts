/** One article's progress, as the status bar shows it: its claims, the share of its text they cover, and untagged mentions left. */
import type { CheckResult } from './datasetIndex';
import { unionLength } from './stats';

export interface ArticleProgress {
  claims: number;
  /** Share of the article's code points inside at least one anchored claim (0–1), as `claimbook stats` counts. */
  coverage: number;
  untagged: number;
}

export function articleProgress(result: CheckResult, articlePath: string): ArticleProgress {
  let claims = 0;
  let total = 0;
  const spans: Array<{ start: number; end: number }> = [];
  for (const s of result.sidecars) {
    if (s.article?.path !== articlePath) continue;
    claims += s.claims.length;
    total = s.article.index?.cpLength ?? total;
    for (const c of s.claims) if (c.anchor && c.anchor.status !== 'orphaned') spans.push(c.anchor);
  }
  const untagged = result.findings.filter((f) => f.file === articlePath && f.rule === 'untagged-mention').length;
  return { claims, coverage: total === 0 ? 0 : unionLength(spans) / total, untagged };
}

/** `18 claims · 54 % covered · 7 untagged mentions`. */
export function progressText(p: ArticleProgress): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(p.claims, 'claim')} · ${Math.round(p.coverage * 100)} % covered · ${plural(p.untagged, 'untagged mention')}`;
}
