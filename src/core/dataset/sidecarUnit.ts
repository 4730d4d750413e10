/**
 * One sidecar in the dataset index: its anchored claims and the findings of the per-sidecar
 * rules, each rule re-run only on the claims (or groups of claims) whose inputs changed since
 * the last check (see ruleScopes.ts). Cached findings follow edits of the sidecar through its
 * text diff; those an edit touched are recomputed.
 */
import type { Finding, RuleId, Severity } from '../model/finding';
import type { Claim } from '../model/sidecar';
import type { AnchoredClaim, ClaimAnchor, Report, Rule, SidecarContext } from '../rules/rule';
import { AnchorMemo, type CpShift, type LiveSpan } from './anchorClaims';
import type { ArticleFile, CodebookFile, SidecarFile } from './files';
import { mapFindings } from './findingStore';
import type { Deferral } from './deferral';
import { SIDECAR_SCOPES } from './ruleScopes';
import type { TextDiff } from '../text/textDiff';

export interface RuleRun {
  rule: Rule;
  level: Severity;
}

/**
 * A rule at the level the user set (or its default); undefined when turned off, or when it is at
 * hint level and `hints` is false (nobody will see its findings: a rule at hint level reports
 * only hints).
 */
export function ruleRun(rule: Rule, severities: Partial<Record<Rule['id'], Severity | 'off'>>, hints = true): RuleRun | undefined {
  const level = severities[rule.id] ?? rule.defaultSeverity;
  return level === 'off' || (level === 'hint' && !hints) ? undefined : { rule, level };
}

/** What a check tells every unit: the enabled rules and the files that changed. */
export interface CheckEnv {
  sidecarRules: RuleRun[];
  /** Articles edited in this check: where, in anchor coordinates. */
  shifts: ReadonlyMap<string, CpShift>;
  /** Files whose text changed in this check, with the diff when one was computed. */
  changed: ReadonlyMap<string, TextDiff | undefined>;
  /** On the keystroke path: what whole-article work may still run, and how much waited. */
  defer: Deferral | undefined;
  /** Nothing will ask again (CheckOptions.oneShot): run each rule once over the sidecar, keep nothing per claim. */
  oneShot?: boolean;
}

interface ClaimEntry {
  codebook: CodebookFile | undefined;
  article: ArticleFile | undefined;
  anchored: AnchoredClaim;
  /** Findings about this claim by the claim-scoped rules that do not / do read anchors. */
  plain: Finding[];
  anchoredFindings: Finding[];
  /** The anchored findings are the previous ones, kept while whole-text work waits. */
  provisional: boolean;
}

interface GroupEntry {
  members: AnchoredClaim[];
  codebook: CodebookFile | undefined;
  article: ArticleFile | undefined;
  findings: Finding[];
}

interface WholeEntry {
  inputs: readonly unknown[];
  ctx: SidecarContext | undefined;
  findings: Finding[];
  provisional: boolean;
}

/** Claims by group key, and where each claim is: its key, its group's number (−1: none) and its place in the group's list. */
interface Grouping {
  claims: readonly AnchoredClaim[];
  groups: Map<string, AnchoredClaim[]>;
  keys: Array<string | undefined>;
  lists: AnchoredClaim[][];
  groupOf: Int32Array;
  places: Int32Array;
}

const NONE: Finding[] = [];

export class SidecarUnit {
  ctx: SidecarContext | undefined;
  findings: Finding[] = NONE;
  private readonly anchors = new AnchorMemo();
  private readonly claimEntries = new WeakMap<Claim, ClaimEntry>();
  private readonly groups = new Map<RuleId, Map<string, GroupEntry>>();
  private readonly wholes = new Map<RuleId, WholeEntry>();
  /** Findings of the last update that are provisional (whole-text work deferred). */
  private provisional = 0;
  /** Whether the last update had live spans (they change in place: always re-anchor then). */
  private live = false;
  /** The claims the claim-scoped rules last saw, and those with findings or deferred work. */
  private lastClaims: { codebook: CodebookFile | undefined; article: ArticleFile | undefined; claims: readonly AnchoredClaim[]; notable: Set<AnchoredClaim> } | undefined;
  private readonly groupings = new Map<(c: AnchoredClaim) => string | undefined, Grouping>();

  /**
   * Anchors the claims and brings the findings up to date; true when the context changed.
   * `breathe` may yield between the steps: after the first edit of an article every claim gets
   * a live anchor and every group is looked at again, tens of milliseconds for 5,000 claims.
   */
  async update(env: CheckEnv, codebook: CodebookFile | undefined, sidecar: SidecarFile, article: ArticleFile | undefined, live: ReadonlyMap<string, LiveSpan> | undefined, usable: boolean, breathe: () => Promise<void> = NO_PAUSE): Promise<boolean> {
    const previous = this.ctx;
    // Nothing this sidecar depends on changed (and no editor moves its anchors): nothing to do.
    if (previous && !live && !this.live && this.provisional === 0 && previous.codebook === codebook && previous.sidecar === sidecar && previous.article === article) return false;
    this.live = live !== undefined;
    const anchored = this.anchors.anchor(sidecar, article, live);
    await breathe();
    const claims = previous && sameItems(previous.claims, anchored) ? previous.claims : anchored;
    const same = previous && previous.codebook === codebook && previous.sidecar === sidecar && previous.article === article && previous.claims === claims;
    const ctx: SidecarContext = same ? previous : { codebook, sidecar, article, claims };
    this.ctx = ctx;
    // Per-sidecar findings point into this sidecar, its article and the codebook only: when
    // none of them changed, neither did the findings (unless deferred work waits).
    if (same && this.provisional === 0) return false;
    const deferredBefore = env.defer?.deferred ?? 0;

    // Runs never change within one index (severities reset it), so positions identify rules.
    const parts: Finding[][] = [];
    if (usable && env.oneShot) {
      for (const run of env.sidecarRules) parts.push(runOnce(run, ctx));
    } else if (usable) {
      const claimRuns: RuleRun[] = [];
      const anchorRuns: RuleRun[] = [];
      for (const run of env.sidecarRules) {
        const scope = SIDECAR_SCOPES[run.rule.id];
        if (scope?.kind === 'claim') (scope.anchors ? anchorRuns : claimRuns).push(run);
        else if (scope?.kind === 'group') {
          parts.push(this.groupRule(env, ctx, run, scope.key, scope.anchors, scope.quietAlone));
          await breathe();
        }
        else parts.push(this.wholeRule(env, ctx, run, scope?.kind === 'sidecar' ? scope.inputs(ctx) : undefined, scope?.kind === 'sidecar' && scope.wholeText === true));
      }
      parts.push(this.claimRules(env, ctx, claimRuns, anchorRuns));
    }
    this.provisional = (env.defer?.deferred ?? 0) - deferredBefore;
    const findings = parts.flat();
    const unchanged = findings.length === this.findings.length && findings.every((f, i) => f === this.findings[i]);
    if (!unchanged) this.findings = findings;
    return ctx !== previous;
  }

  private claimRules(env: CheckEnv, ctx: SidecarContext, plainRuns: RuleRun[], anchorRuns: RuleRun[]): Finding[] {
    // While typing, a version differs from the last in a claim or two: evaluate those, move the
    // findings of the claims that have some, and skip the thousands that have none.
    // After an edit of the article, a claim whose anchor only moved with it and that had no
    // findings still has none (the anchor rules speak of non-exact anchors only).
    const last = this.lastClaims;
    const shift = ctx.article ? env.shifts.get(ctx.article.path) : undefined;
    const sameArticle = last && (last.article === ctx.article || (shift && last.article?.path === ctx.article?.path));
    if (last && sameArticle && last.codebook === ctx.codebook && last.claims.length === ctx.claims.length) {
      const changed: AnchoredClaim[] = [];
      const removed = new Set<AnchoredClaim>();
      for (let i = 0; i < ctx.claims.length && changed.length <= 64; i++) {
        const before = last.claims[i] as AnchoredClaim;
        const after = ctx.claims[i] as AnchoredClaim;
        if (after === before) continue;
        if (after.claim === before.claim && !last.notable.has(before) && after.anchor?.status === 'exact' && movedWith(before.anchor, after.anchor, shift)) continue;
        changed.push(after);
        removed.add(before);
      }
      if (changed.length <= 64) {
        const visit = new Set<AnchoredClaim>(changed);
        for (const c of last.notable) if (!removed.has(c)) visit.add(c);
        const out: Finding[] = [];
        const notable = new Set<AnchoredClaim>();
        for (const c of visit) this.evaluate(env, ctx, c, plainRuns, anchorRuns, out, notable);
        this.lastClaims = { codebook: ctx.codebook, article: ctx.article, claims: ctx.claims, notable };
        return out;
      }
    }
    const out: Finding[] = [];
    const notable = new Set<AnchoredClaim>();
    for (const c of ctx.claims) this.evaluate(env, ctx, c, plainRuns, anchorRuns, out, notable);
    this.lastClaims = { codebook: ctx.codebook, article: ctx.article, claims: ctx.claims, notable };
    return out;
  }

  /** One claim's findings by the claim-scoped rules, from its entry where still valid. */
  private evaluate(env: CheckEnv, ctx: SidecarContext, c: AnchoredClaim, plainRuns: RuleRun[], anchorRuns: RuleRun[], out: Finding[], notable: Set<AnchoredClaim>): void {
    const known = this.claimEntries.get(c.claim);
    let one: SidecarContext | undefined;
    const run = (runs: RuleRun[]): Finding[] => {
      let found = NONE;
      for (const r of runs) {
        if (!mayReport(r, c, ctx)) continue;
        const more = runOn(r, (one ??= { ...ctx, claims: [c] }));
        if (more.length > 0) found = found.length === 0 ? more : found.concat(more);
      }
      return found;
    };
    let plain = known && known.codebook === ctx.codebook ? mapFindings(known.plain, env.changed) : undefined;
    plain ??= run(plainRuns);
    let anchored = known && !known.provisional && known.codebook === ctx.codebook && known.article === ctx.article && known.anchored === c ? mapFindings(known.anchoredFindings, env.changed) : undefined;
    let provisional = false;
    if (!anchored && env.defer && anchorRuns.some((r) => wholeText(r, c)) && !runAhead(env.defer, anchorRuns, c, ctx)) {
      // Later: keep what was found before, moved with the edit (nothing if the edit hit it).
      anchored = (known && mapFindings(known.anchoredFindings, env.changed)) ?? NONE;
      provisional = true;
      env.defer.wait();
    }
    anchored ??= run(anchorRuns);
    // Entries are private, updated in place; those of claims no longer in the sidecar go with their Claim objects.
    if (!known) this.claimEntries.set(c.claim, { codebook: ctx.codebook, article: ctx.article, anchored: c, plain, anchoredFindings: anchored, provisional });
    else {
      known.codebook = ctx.codebook;
      known.article = ctx.article;
      known.anchored = c;
      known.plain = plain;
      known.anchoredFindings = anchored;
      known.provisional = provisional;
    }
    // Claims with findings (their offsets follow edits) or deferred work are visited again.
    if (plain.length > 0 || anchored.length > 0 || provisional) notable.add(c);
    for (const f of plain) out.push(f);
    for (const f of anchored) out.push(f);
  }

  private groupRule(env: CheckEnv, ctx: SidecarContext, run: RuleRun, key: (c: AnchoredClaim) => string | undefined, anchors: boolean, quietAlone: boolean): Finding[] {
    const groups = this.grouping(ctx.claims, key);
    const before = this.groups.get(run.rule.id) ?? new Map<string, GroupEntry>();
    const after = new Map<string, GroupEntry>();
    const out: Finding[] = [];
    const shift = ctx.article ? env.shifts.get(ctx.article.path) : undefined;
    for (const [k, list] of groups) {
      if (list.length === 1 && quietAlone) continue;
      const known = before.get(k);
      const valid = known && known.codebook === ctx.codebook && (anchors ? sameAnchored(known, list, ctx.article, shift) : sameClaims(known.members, list));
      let findings = valid ? mapFindings(known.findings, env.changed) : undefined;
      findings ??= runOn(run, { ...ctx, claims: list });
      // An entry still valid is the same entry, now for this version of the article (private,
      // so updated in place: typing in the article kept a new object per group per keystroke).
      if (valid && known.findings === findings) {
        known.members = list;
        known.article = ctx.article;
        after.set(k, known);
      } else after.set(k, { members: list, codebook: ctx.codebook, article: ctx.article, findings });
      for (const f of findings) out.push(f);
    }
    this.groups.set(run.rule.id, after);
    return out;
  }

  /**
   * Claims by group key, in claim order. While typing, a new version holds the same claims in
   * the same order (typing in the article moves their anchors, typing in the sidecar changes one
   * or two): the groups of changed claims get a new list, every other group keeps its list
   * object, so the check above sees at once that it is unchanged.
   */
  private grouping(claims: readonly AnchoredClaim[], key: (c: AnchoredClaim) => string | undefined): Map<string, AnchoredClaim[]> {
    // By key function: rules grouping alike share one grouping.
    const last = this.groupings.get(key);
    if (last && last.claims.length === claims.length && this.regroup(last, claims, key)) return last.groups;
    const groups = new Map<string, AnchoredClaim[]>();
    const keys: Array<string | undefined> = new Array(claims.length);
    const lists: AnchoredClaim[][] = [];
    const groupOf = new Int32Array(claims.length);
    const places = new Int32Array(claims.length);
    const numbers = new Map<string, number>();
    for (let i = 0; i < claims.length; i++) {
      const c = claims[i] as AnchoredClaim;
      const k = (keys[i] = key(c));
      if (k === undefined) {
        groupOf[i] = -1;
        continue;
      }
      let g = numbers.get(k);
      if (g === undefined) {
        numbers.set(k, (g = lists.length));
        lists.push([]);
        groups.set(k, lists[g] as AnchoredClaim[]);
      }
      groupOf[i] = g;
      places[i] = (lists[g] as AnchoredClaim[]).push(c) - 1;
    }
    this.groupings.set(key, { claims, groups, keys, lists, groupOf, places });
    return groups;
  }

  /** Updates `last` in place to `claims` when every claim kept its key; false otherwise. */
  private regroup(last: Grouping, claims: readonly AnchoredClaim[], key: (c: AnchoredClaim) => string | undefined): boolean {
    const changed: number[] = [];
    for (let i = 0; i < claims.length; i++) {
      const c = claims[i] as AnchoredClaim;
      const before = last.claims[i] as AnchoredClaim;
      if (c === before) continue;
      // Keys read the claim only (ruleScopes.ts), so a claim that kept its object kept its key.
      if (c.claim !== before.claim && key(c) !== last.keys[i]) return false;
      changed.push(i);
    }
    // Copy on write, by group number: thousands of claims move with one keystroke in the article.
    const copied = new Uint8Array(last.lists.length);
    for (const i of changed) {
      const g = last.groupOf[i] as number;
      if (g < 0) continue;
      if (!copied[g]) {
        copied[g] = 1;
        last.lists[g] = (last.lists[g] as AnchoredClaim[]).slice();
        last.groups.set(last.keys[i] as string, last.lists[g] as AnchoredClaim[]);
      }
      (last.lists[g] as AnchoredClaim[])[last.places[i] as number] = claims[i] as AnchoredClaim;
    }
    last.claims = claims;
    return true;
  }

  /** A rule over the whole sidecar: again when its inputs (or, without a scope, anything) changed. */
  private wholeRule(env: CheckEnv, ctx: SidecarContext, run: RuleRun, inputs: readonly unknown[] | undefined, wholeText: boolean): Finding[] {
    const known = this.wholes.get(run.rule.id);
    let findings: Finding[] | undefined;
    if (known && !known.provisional && (inputs ? sameItems(known.inputs, inputs) : known.ctx === ctx)) findings = mapFindings(known.findings, env.changed);
    if (!findings && known && wholeText && env.defer && !env.defer.whole()) {
      findings = mapFindings(known.findings, env.changed) ?? NONE;
      env.defer.wait();
      this.wholes.set(run.rule.id, { ...known, findings, provisional: true });
      return findings;
    }
    findings ??= runOn(run, ctx);
    this.wholes.set(run.rule.id, { inputs: inputs ?? [], ctx, findings, provisional: false });
    return findings;
  }
}

const NO_PAUSE = (): Promise<void> => Promise.resolve();

function wholeText(run: RuleRun, c: AnchoredClaim): boolean {
  const scope = SIDECAR_SCOPES[run.rule.id];
  return scope?.kind === 'claim' && scope.wholeText !== undefined && scope.wholeText(c);
}

/**
 * Spends the check's budget on the claim's whole-text work; true when all of it may run now.
 * Searches run on in pieces across checks; other work runs whole, one piece per check.
 */
function runAhead(defer: Deferral, runs: RuleRun[], c: AnchoredClaim, ctx: SidecarContext): boolean {
  if (defer.spent) return false;
  let ready = true;
  let unsplit = false;
  for (const r of runs) {
    const scope = SIDECAR_SCOPES[r.rule.id];
    if (scope?.kind !== 'claim' || !scope.wholeText?.(c)) continue;
    if (!scope.search) unsplit = true;
    else {
      // A search may take passes (a narrow one first, then the full one if that did not settle
      // it): each is asked for once the last is done, so none runs unsplit inside the rule.
      for (let scan = scope.search(c, ctx); scan; ) {
        if (!defer.search(scan)) {
          ready = false;
          break;
        }
        const next = scope.search(c, ctx);
        if (next === scan) break;
        scan = next;
      }
    }
  }
  return ready && (!unsplit || defer.whole());
}

function mayReport(run: RuleRun, c: AnchoredClaim, ctx: SidecarContext): boolean {
  const scope = SIDECAR_SCOPES[run.rule.id];
  return scope?.kind !== 'claim' || !scope.mayReport || scope.mayReport(c, ctx);
}

/**
 * A rule over the whole sidecar, once: a claim-scoped rule sees only the claims it may report
 * on (the same findings, by the scope's contract; bad-field must not locate every field).
 */
function runOnce(run: RuleRun, ctx: SidecarContext): Finding[] {
  const scope = SIDECAR_SCOPES[run.rule.id];
  if (scope?.kind !== 'claim' || !scope.mayReport) return runOn(run, ctx);
  const may = scope.mayReport;
  const claims = ctx.claims.filter((c) => may(c, ctx));
  return claims.length === 0 ? NONE : runOn(run, { ...ctx, claims });
}

export function runOn(run: RuleRun, ctx: SidecarContext): Finding[] {
  const out: Finding[] = [];
  run.rule.checkSidecar?.(ctx, reporter(run, out));
  return out.length === 0 ? NONE : out;
}

/** A rule's own severity (contradiction across articles is info) is kept unless the user overrode the rule. */
export function reporter(run: RuleRun, into: Finding[]): Report {
  const { rule, level } = run;
  return ({ severity, ...rest }) => {
    into.push({ rule: rule.id, severity: severity && level === rule.defaultSeverity ? severity : level, ...rest });
  };
}

function sameClaims(a: readonly AnchoredClaim[], b: readonly AnchoredClaim[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]?.claim !== b[i]?.claim) return false;
  return true;
}

/**
 * The same claims with the same anchors, or, after an edit of the article, with anchors that
 * only moved with the edit: then what a rule said about them is the same, moved with it.
 */
function sameAnchored(known: GroupEntry, list: readonly AnchoredClaim[], article: ArticleFile | undefined, shift: CpShift | undefined): boolean {
  // The same list object holds the same claims (grouping copies a list on write): with anchors
  // unchanged, or live ones that moved with the edit of the article on their own.
  if (known.members === list && (known.article === article || shift)) return true;
  if (known.article === article) return sameItems(known.members, list);
  if (!shift || known.article?.path !== article?.path || known.members.length !== list.length) return false;
  for (let i = 0; i < list.length; i++) {
    const a = known.members[i] as AnchoredClaim;
    const b = list[i] as AnchoredClaim;
    if (a.claim !== b.claim || !movedWith(a.anchor, b.anchor, shift)) return false;
  }
  return true;
}

/** Whether anchor `y` is anchor `x` carried through an edit of its article (or equal). */
export function movedWith(x: ClaimAnchor | undefined, y: ClaimAnchor | undefined, shift: CpShift | undefined): boolean {
  if (x === y) return true;
  if (!x || !y || !shift || x.status !== y.status || x.score !== y.score || x.candidates || y.candidates) return false;
  if (x.end <= shift.start) return y.start === x.start && y.end === x.end;
  if (x.start < shift.oldEnd) return false;
  const d = shift.newEnd - shift.oldEnd;
  return y.start === x.start + d && y.end === x.end + d;
}

export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
