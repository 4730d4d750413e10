/** Shared by the anchor rules: report one status of the claims' anchors with its fixes. */
import type { Fix } from '../model/finding';
import { requoteEdits } from '../fixes/quoteEdit';
import type { AnchoredClaim, ClaimAnchorStatus, Report, SidecarContext } from './rule';
import { at, claimPath, claimPlace, related } from './where';

export function forStatus(
  ctx: SidecarContext,
  status: ClaimAnchorStatus,
  each: (c: AnchoredClaim & { anchor: NonNullable<AnchoredClaim['anchor']> }) => { message: string; fixes: Fix[] },
  report: Report,
): void {
  for (const c of ctx.claims) {
    if (c.anchor?.status !== status) continue;
    const { message, fixes } = each(c as AnchoredClaim & { anchor: NonNullable<AnchoredClaim['anchor']> });
    report({
      message,
      ...claimPlace(ctx, c),
      claimId: c.claim.id,
      related: [related(at(ctx.sidecar, claimPath(c.claim, 'quote')), 'the claim\'s quote')],
      fixes,
    });
  }
}

/** A fix rewriting the quote for a span; undefined when the article is unavailable. */
export function requoteFix(ctx: SidecarContext, c: AnchoredClaim, start: number, end: number, title: string, safe: boolean): Fix | undefined {
  const index = ctx.article?.index;
  if (!index) return undefined;
  const edits = requoteEdits(ctx.sidecar, c.claim, index, start, end);
  return edits.length > 0 ? { title, file: ctx.sidecar.path, edits, safe } : undefined;
}

export function similarity(score: number): string {
  return score.toFixed(2);
}

export function compact<T>(items: Array<T | undefined>): T[] {
  return items.filter((x): x is T => x !== undefined);
}
