/**
 * What each per-sidecar rule's findings depend on, so the dataset index can re-run a rule on
 * only the claims a change touched (issue 6). Running a rule's `checkSidecar` on a context that
 * holds a subset of the claims gives exactly the findings about that subset when:
 *
 * - `claim`: each claim's findings depend on that claim alone (and the codebook; the article
 *   and the anchor when `anchors` is set);
 * - `group`: they depend on the claims sharing the group's key; a group of one never reports
 *   when `quietAlone` is set. A key may be coarser than the rule's own grouping (the rule still
 *   tells its groups apart), never finer. A key reads the claim only, never its anchor (the
 *   index keeps a claim's key while the claim object is the same);
 * - `sidecar`: the rule runs on the whole sidecar, again only when `inputs` changed.
 *
 * A rule missing here runs on the whole sidecar whenever anything about it changed: safe, and
 * a new rule needs no entry until it is slow. `wholeText` marks work that reads the whole
 * article; a check with `defer` does a piece of that work (deferral.ts) and keeps the previous
 * findings (moved with the edit) for the rest until later checks catch up.
 */
import type { RuleId } from '../model/finding';
import type { AnchoredClaim, SidecarContext } from '../rules/rule';
import type { Claim } from '../model/sidecar';
import { effectiveFields } from '../model/codebook';
import { fieldProblem } from '../rules/badField';
import { reanchorQuote } from '../rules/quoteMismatch';
import { pendingSearch, type TextScan } from '../anchor';

export type SidecarScope =
  | {
      kind: 'claim';
      anchors: boolean;
      /** False when the rule certainly reports nothing about the claim (it need not run). */
      mayReport?: (c: AnchoredClaim, ctx: SidecarContext) => boolean;
      /** True when checking the claim reads the whole article: deferred on the keystroke path. */
      wholeText?: (c: AnchoredClaim) => boolean;
      /**
       * When that work is a search: the part not done yet, which follow-up checks run in pieces.
       * Undefined once it is done (the rule then costs little). Without it, the work runs whole.
       */
      search?: (c: AnchoredClaim, ctx: SidecarContext) => TextScan | undefined;
    }
  | { kind: 'group'; anchors: boolean; key: (c: AnchoredClaim) => string | undefined; quietAlone: boolean }
  | { kind: 'sidecar'; inputs: (ctx: SidecarContext) => readonly unknown[]; wholeText?: boolean };

const claim = (anchors: boolean): SidecarScope => ({ kind: 'claim', anchors });

export const SIDECAR_SCOPES: Partial<Record<RuleId, SidecarScope>> = {
  'unknown-actor': claim(false),
  'unknown-commitment': claim(false),
  'unknown-stance': claim(false),
  'actor-type-not-allowed': claim(false),
  'missing-field': claim(false),
  // bad-field asks where each field is before it knows whether the field is wrong, which builds
  // the YAML Document of every sidecar with fields. Until it asks only when it reports, it is
  // shown only the claims its own test (fieldProblem) finds fault with.
  'bad-field': {
    kind: 'claim',
    anchors: false,
    mayReport: ({ claim: x }, ctx) => {
      const cb = ctx.codebook?.model;
      if (!cb || x.fields.size === 0 || x.commitment === undefined || !cb.commitments.has(x.commitment)) return false;
      const specs = effectiveFields(cb, x.commitment);
      for (const [name, value] of x.fields) {
        const spec = specs.get(name);
        if (!spec || fieldProblem(spec, value, cb) !== undefined) return true;
      }
      return false;
    },
  },
  // Its "Re-anchor" fix searches the whole article for the original words.
  'quote-mismatch': {
    kind: 'claim',
    anchors: true,
    mayReport: (c) => c.anchor?.status === 'mismatch',
    wholeText: (c) => c.anchor?.status === 'mismatch',
    search: (c, ctx) => {
      const quote = reanchorQuote(c);
      const index = ctx.article?.index;
      return quote && index ? pendingSearch(quote, index) : undefined;
    },
  },
  // The anchor rules report one status each (anchorFindings.ts forStatus); an exact claim is silent.
  'anchor-moved': { kind: 'claim', anchors: true, mayReport: (c) => c.anchor?.status === 'moved' },
  'anchor-drifted': { kind: 'claim', anchors: true, mayReport: (c) => c.anchor?.status === 'drifted' },
  // Its fixes count the lines before each candidate.
  'anchor-ambiguous': { kind: 'claim', anchors: true, mayReport: (c) => c.anchor?.status === 'ambiguous', wholeText: (c) => c.anchor?.status === 'ambiguous' },
  'anchor-orphaned': { kind: 'claim', anchors: true, mayReport: (c) => c.anchor?.status === 'orphaned' },
  'duplicate-claim-id': { kind: 'group', anchors: false, key: (c) => c.claim.id, quietAlone: true },
  // Actor and commitment: coarser than the rules' own keys (span, stance), and the same for
  // every version of a claim whatever its anchor, so a moved claim stays in its group.
  'duplicate-claim': { kind: 'group', anchors: true, key: byActorAndCommitment, quietAlone: true },
  contradiction: { kind: 'group', anchors: true, key: byActorAndCommitment, quietAlone: true },
  'article-missing': { kind: 'sidecar', inputs: (ctx) => [ctx.article === undefined, ctx.sidecar.articlePath, ctx.sidecar.model.article] },
  'stale-text': {
    kind: 'sidecar',
    wholeText: true, // hashes the whole article
    // The hash of the article, and whether every anchor is exact (the fix is safe only then).
    inputs: (ctx) => [ctx.article, ctx.sidecar.model.textSha256, ctx.claims.every((c) => c.anchor?.status === 'exact')],
  },
};

const keys = new WeakMap<Claim, string | undefined>();

function byActorAndCommitment(c: AnchoredClaim): string | undefined {
  return actorAndCommitment(c.claim);
}

function actorAndCommitment(x: Claim): string | undefined {
  if (keys.has(x)) return keys.get(x);
  const key = x.actor === undefined || x.commitment === undefined ? undefined : `${x.actor.length}:${x.actor}${x.commitment}`;
  keys.set(x, key);
  return key;
}
