import type { Rule, SidecarContext, AnchoredClaim, Report } from './rule';
import type { Codebook } from '../model/codebook';
import { claimPlace, describeClaim, related, type Place } from './where';

export const contradiction: Rule = {
  id: 'contradiction',
  description: 'One actor takes contradicting stances on one commitment: a warning within an article, information across articles.',
  defaultSeverity: 'warning',
  checkSidecar(ctx, report) {
    const cb = ctx.codebook?.model;
    if (!cb || cb.contradictions.length === 0) return;
    for (const list of groupByActorCommitment([ctx]).values()) withinArticle(cb, list, report);
  },
  checkDataset(ctx, report) {
    const cb = ctx.codebook?.model;
    if (!cb || cb.contradictions.length === 0) return;
    for (const list of groupByActorCommitment(ctx.sidecars).values()) acrossArticles(cb, list, report);
  },
};

export interface Stated {
  ctx: SidecarContext;
  c: AnchoredClaim;
}

/**
 * The group a claim belongs to (actor and commitment), or undefined when it states no stance.
 * The dataset index keeps its groups by this key, so a change re-checks only the groups it touches.
 */
export function contradictionGroup(c: AnchoredClaim): string | undefined {
  const { actor, commitment, stance } = c.claim;
  if (actor === undefined || commitment === undefined || stance === undefined) return undefined;
  // Length-prefixed, so no two (actor, commitment) pairs share a key.
  return `${actor.length}:${actor}${commitment}`;
}

/** Within one sidecar: each claim contradicting an earlier one of its group. */
export function withinArticle(cb: Codebook, list: readonly Stated[], report: Report): void {
  const pairs = contradictionPairs(cb);
  // The first claim of each stance so far: the earliest contradicting one is the least of those.
  const firstOf = new Map<string, number>();
  list.forEach((later, j) => {
    const stance = later.c.claim.stance as string;
    let at = -1;
    for (const other of pairs.against(stance)) {
      const i = firstOf.get(other);
      if (i !== undefined && (at < 0 || i < at)) at = i;
    }
    if (!firstOf.has(stance)) firstOf.set(stance, j);
    const earlier = at < 0 ? undefined : list[at];
    if (!earlier) return;
    report({
      message: `'${later.c.claim.actor}' is recorded as ${later.c.claim.stance} on '${later.c.claim.commitment}' here but ${earlier.c.claim.stance} in ${describeClaim(earlier.c)}`,
      ...claimPlace(later.ctx, later.c),
      claimId: later.c.claim.id,
      related: [related(claimPlace(earlier.ctx, earlier.c), `${earlier.c.claim.stance} (${describeClaim(earlier.c)})`)],
    });
  });
}

/**
 * How acrossArticles sees a claim of a group: the sidecar it is in (compared by identity), its
 * ids, where to report it and the article it is from. The index passes its `Stated` entries; a
 * check split across threads passes the plain facts each part sent (datasetParts.ts).
 */
export interface StatedView<T> {
  sidecar(item: T): unknown;
  claim(item: T): { id?: string | undefined; index: number; actor?: string | undefined; commitment?: string | undefined; stance?: string | undefined };
  place(item: T): Place;
  /** The article (or, without one, the sidecar) the claim is from, as related information names it. */
  source(item: T): string;
}

export const STATED: StatedView<Stated> = {
  sidecar: (s) => s.ctx,
  claim: (s) => s.c.claim,
  place: (s) => claimPlace(s.ctx, s.c),
  source: (s) => s.ctx.sidecar.model.article ?? s.ctx.sidecar.path,
};

/** Across sidecars: each claim of a group against the group's claims in other sidecars. */
export function acrossArticles(cb: Codebook, list: readonly Stated[], report: Report): void {
  acrossArticlesOf(cb, list, STATED, report);
}

export function acrossArticlesOf<T>(cb: Codebook, list: readonly T[], view: StatedView<T>, report: Report): void {
  if (list.length < 2) return;
  const pairs = contradictionPairs(cb);
  for (const item of list) {
    const mine = view.claim(item);
    const owner = view.sidecar(item);
    const others = list.filter((o) => view.sidecar(o) !== owner && pairs.has(view.claim(o).stance, mine.stance));
    if (others.length === 0) continue;
    report({
      severity: 'info',
      message: `'${mine.actor}' is recorded as ${mine.stance} on '${mine.commitment}' here but ${view.claim(others[0] as T).stance} in ${others.length === 1 ? 'another article' : `${others.length} other claims`}`,
      ...view.place(item),
      claimId: mine.id,
      related: others.slice(0, 5).map((o) => related(view.place(o), `${view.claim(o).stance} in ${view.source(o)}`)),
    });
  }
}

const EMPTY: Iterable<string> = [];

/** Whether a stance takes part in any contradiction of the codebook (others never report or count). */
export function contradicts(cb: Codebook, stance: string | undefined): boolean {
  return stance !== undefined && contradictionPairs(cb).against(stance) !== EMPTY;
}

export function groupByActorCommitment(contexts: readonly SidecarContext[]): Map<string, Stated[]> {
  const groups = new Map<string, Stated[]>();
  for (const ctx of contexts) {
    for (const c of ctx.claims) {
      const key = contradictionGroup(c);
      if (key === undefined) continue;
      const list = groups.get(key);
      if (list) list.push({ ctx, c });
      else groups.set(key, [{ ctx, c }]);
    }
  }
  return groups;
}

const pairSets = new WeakMap<Codebook, Map<string, Set<string>>>();

/** Stance → the stances contradicting it (both orders of every pair), for a constant-time test. */
function contradictionPairs(cb: Codebook): { has(a: string | undefined, b: string | undefined): boolean; against(a: string): Iterable<string> } {
  let map = pairSets.get(cb);
  if (!map) {
    map = new Map();
    for (const [x, y] of cb.contradictions) {
      map.set(x, (map.get(x) ?? new Set()).add(y));
      map.set(y, (map.get(y) ?? new Set()).add(x));
    }
    pairSets.set(cb, map);
  }
  const pairs = map;
  return { has: (a, b) => a !== undefined && b !== undefined && (pairs.get(a)?.has(b) ?? false), against: (a) => pairs.get(a) ?? EMPTY };
}
