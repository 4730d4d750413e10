/** Claims of an article as the last validation anchored them, and those under an offset. */
import type { AnchoredClaim, SidecarContext } from '../core';
import type { Validation } from './controller';

export interface ArticleClaim {
  ctx: SidecarContext;
  c: AnchoredClaim;
  /** Raw UTF-16 offsets into the article as validated. */
  start: number;
  end: number;
}

export function articleClaims(v: Validation, path: string): ArticleClaim[] {
  const out: ArticleClaim[] = [];
  for (const ctx of v.result.sidecars) {
    const index = ctx.article?.index;
    if (ctx.article?.path !== path || !index) continue;
    for (const c of ctx.claims) {
      if (!c.anchor || c.anchor.status === 'orphaned') continue;
      out.push({ ctx, c, start: index.cpToRaw(c.anchor.start), end: index.cpToRaw(c.anchor.end) });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

export function claimsAt(v: Validation, path: string, offset: number): ArticleClaim[] {
  return articleClaims(v, path).filter((a) => a.start <= offset && offset <= a.end);
}
