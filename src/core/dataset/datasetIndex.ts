/**
 * The incremental dataset index (DESIGN §4, issue 6). Each check lists and reads the dataset
 * through the Host as before, but everything derived is kept between checks and redone only
 * where its inputs changed:
 *
 * - files: parsed once per content (clean YAML through js-yaml, sidecars being edited claim by
 *   claim — fastYaml.ts, sidecarBlocks.ts);
 * - codebook → everything: a new codebook re-runs every rule (files stay parsed);
 * - sidecar → its own rules, claim by claim or group by group (sidecarUnit.ts, ruleScopes.ts);
 * - article → the anchors of its sidecars' claims and its untagged mentions, line by line;
 * - across articles: contradiction groups by actor and commitment, and the stem/article map of
 *   sidecar-ambiguous, re-checked only for the groups and files a change touched.
 *
 * The result equals a cold `checkDataset` of the same files; test/unit/differential.test.ts
 * checks that after random edits.
 */
import type { Finding, RuleId, Severity } from '../model/finding';
import { RULES } from '../rules';
import type { AnchoredClaim, DatasetContext, Rule, SidecarContext } from '../rules/rule';
import { acrossArticles, contradictionGroup, type Stated } from '../rules/contradiction';
import { mentionsOf, untaggedFindings, type Mentions, type UntaggedFindings } from '../rules/untaggedMention';
import type { Codebook } from '../model/codebook';
import { loadArticleFile, isSidecarPath, type ArticleFile, type CodebookFile, type SidecarFile, type YamlFile } from './files';
import { CODEBOOK_FILE, MAX_FILE_BYTES, type Host, type ReadResult } from './host';
import { isExcludedArticle, matchesAny } from './glob';
import type { CpShift, LiveSpan } from './anchorClaims';
import { loadCodebookFast, loadSidecarFast } from './fastFiles';
import { reloadSidecar } from './sidecarBlocks';
import { Deferral } from './deferral';
import { carryScans } from '../anchor';
import { diffTexts, type TextDiff } from '../text/textDiff';
import { FindingStore, mapFindings } from './findingStore';
import { movedWith, reporter, ruleRun, SidecarUnit, type CheckEnv, type RuleRun } from './sidecarUnit';

export type SeverityOverrides = Partial<Record<RuleId, Severity | 'off'>>;

export interface CheckOptions {
  severities?: SeverityOverrides;
  /**
   * False when nobody will see hints (the CLI's check without --hints): rules at hint level are
   * not run at all, as if off. untagged-mention, a hint by default, is a third of a check's work.
   */
  hints?: boolean;
  /** Live spans per article path, then per claim id (the editor's shifted anchors). */
  liveSpans?: ReadonlyMap<string, ReadonlyMap<string, LiveSpan>>;
  /**
   * The keystroke path (DESIGN §2): leave whole-article work (a re-anchoring search for a
   * quote-mismatch fix, an article hash) for later and keep the previous findings of that work,
   * moved with the edit. `CheckResult.deferred` counts what waits; repeat the check (with
   * `defer`: a piece per check while nothing else changed) until it is 0 for the complete result.
   */
  defer?: boolean;
  /** With `defer`: steps of whole-text search one follow-up check may run (deferral.ts; tests make it small). */
  deferSteps?: number;
  /**
   * Called between files once a stretch of work has run for about 20 ms: an editor passes a
   * function that yields to its event loop, so that a first check of a large dataset never
   * blocks it for long (the core has no timers of its own).
   */
  pause?: () => Promise<void>;
  /**
   * A one-off check (the CLI without --watch or --fix): nothing will ask again, so the index
   * keeps no per-sidecar rule caches, which a dataset of 50,000 claims would hold live to the end.
   */
  oneShot?: boolean;
  /**
   * One part of a one-off check split across threads (datasetParts.ts): only the articles and
   * sidecars `handles` accepts are read and checked, against the whole listing. The codebook's
   * own findings come from the primary part; contradictions across articles and
   * sidecar-ambiguous, which need every part, are left to `mergeParts`.
   */
  part?: { handles(path: string): boolean; primary: boolean };
}

/** How long the check works before it lets `pause` yield. */
const PAUSE_AFTER_MS = 20;

export interface CheckResult {
  /** Set when the dataset is unusable (no codebook): the CLI exits 2. */
  fatal?: string;
  findings: Finding[];
  codebook: CodebookFile | undefined;
  sidecars: SidecarContext[];
  articles: ArticleFile[];
  /** Text of every file read, for line/column conversion and fixes. */
  texts: Map<string, string>;
  /**
   * Files whose findings differ from the previous check by the same index (on the first check,
   * every file with findings): an editor needs to republish only these.
   */
  changedFiles?: ReadonlySet<string>;
  /** With `defer`: pieces of whole-article work still waiting (0: the result is complete). */
  deferred?: number;
}

interface Runs {
  yaml: RuleRun[];
  codebook: RuleRun[];
  sidecar: RuleRun[];
  dataset: RuleRun[];
}

interface MentionEntry {
  codebook: Codebook;
  article: ArticleFile;
  claims: readonly AnchoredClaim[];
  mentions: Mentions | undefined;
  findings: UntaggedFindings | undefined;
}

const NO_CLAIMS: AnchoredClaim[] = [];

/** A sidecar's place in the contradiction groups: its claims' entries, aligned with ctx.claims. */
interface GroupsOf {
  ctx: SidecarContext;
  keys: Set<string>;
  stated: Array<Stated | undefined>;
}

/** Dataset rules that need every part of a split check: `mergeParts` runs them. */
const CROSS_PART: ReadonlySet<RuleId> = new Set<RuleId>(['contradiction', 'sidecar-ambiguous']);

/** Reads in flight at once: enough to hide latency, few enough for any file-descriptor limit. */
const READ_AHEAD = 32;

/** A file whose parse was refused or failed gives only its parse findings. */
export function usable(file: YamlFile): boolean {
  return file.parsed.value !== undefined && file.parsed.problems.length === 0;
}

export class DatasetIndex {
  private severityKey: string | undefined;
  private runs: Runs = { yaml: [], codebook: [], sidecar: [], dataset: [] };
  private files: readonly string[] = [];
  private order = new Map<string, number>();
  private codebook: CodebookFile | undefined;
  private readonly articles = new Map<string, { text: string; file: ArticleFile }>();
  private readonly sidecars = new Map<string, SidecarFile>();
  private readonly units = new Map<string, SidecarUnit>();
  private readonly yamlDone = new Map<string, YamlFile>();
  private codebookDone: CodebookFile | undefined;
  private readonly mentions = new Map<string, MentionEntry>();
  /** Contradiction groups: key → sidecar path → its stated claims in that group. */
  private readonly groups = new Map<string, Map<string, Stated[]>>();
  private readonly groupsOf = new Map<string, GroupsOf>();
  private groupsCodebook: Codebook | undefined;
  private ambiguity: { files: readonly string[]; names: string[]; articles: string[] } | undefined;
  private readonly store = new FindingStore();

  async check(host: Host, options: CheckOptions = {}): Promise<CheckResult> {
    this.configure(options.severities ?? {}, options.hints ?? true);
    let worked = Date.now();
    /** Yields (through `pause`) once the work since the last yield passed PAUSE_AFTER_MS. */
    const breathe = async (): Promise<void> => {
      if (!options.pause || Date.now() - worked < PAUSE_AFTER_MS) return;
      await options.pause();
      worked = Date.now();
    };
    const texts = new Map<string, string>();
    const unreadable: DatasetContext['unreadable'] = [];
    // Reads run ahead of their use (a window of them at once), so I/O overlaps the parsing.
    const ahead = new Map<string, Promise<ReadResult>>();
    const read = async (path: string): Promise<string | undefined> => {
      const pending = ahead.get(path);
      ahead.delete(path);
      const r = await (pending ?? host.readText(path, MAX_FILE_BYTES));
      if (r.ok) {
        texts.set(path, r.text);
        return r.text;
      }
      unreadable.push({ path, reason: r.reason });
      return undefined;
    };
    let queue: string[] = [];
    let next = 0;
    const prefetch = (): void => {
      while (ahead.size < READ_AHEAD && next < queue.length) {
        const p = queue[next++] as string;
        if (!ahead.has(p)) ahead.set(p, host.readText(p, MAX_FILE_BYTES));
      }
    };

    const files = await host.listFiles();
    const empty: CheckResult = { findings: [], codebook: undefined, sidecars: [], articles: [], texts };
    if (!files.includes(CODEBOOK_FILE)) return { ...empty, fatal: `no ${CODEBOOK_FILE} found: a dataset has its codebook at its root` };
    const codebookText = await read(CODEBOOK_FILE);
    if (codebookText === undefined) return { ...empty, fatal: `cannot read ${CODEBOOK_FILE}: ${unreadable[0]?.reason ?? 'unknown reason'}` };
    // Folders the listing could not read: findings, while the rest is checked.
    unreadable.push(...(host.listingProblems?.() ?? []));

    const listingChanged = !sameList(files, this.files);
    if (listingChanged) {
      this.files = files;
      this.order = new Map(files.map((f, i) => [f, i]));
    }
    const listed = this.order;
    /** Files whose text changed in this check, with the diff where cached findings may follow it. */
    const changed = new Map<string, TextDiff | undefined>();
    /** Edited articles: the diff of their normalised texts, and the same in code points. */
    const normalised = new Map<string, { from: ArticleFile; diff: TextDiff }>();
    const shifts = new Map<string, CpShift>();

    let codebook = this.codebook;
    if (!codebook || codebook.text !== codebookText) {
      codebook = loadCodebookFast(CODEBOOK_FILE, codebookText);
      changed.set(CODEBOOK_FILE, undefined);
      this.codebook = codebook;
    }
    const cb = usable(codebook) ? codebook : undefined;

    const articlePaths: string[] = [];
    const sidecarPaths: string[] = [];
    const part = options.part;
    for (const p of files) {
      if (part && !part.handles(p)) continue;
      if (isSidecarPath(p)) sidecarPaths.push(p);
      else if (p !== CODEBOOK_FILE && !isExcludedArticle(p) && matchesAny(p, codebook.model.articles)) articlePaths.push(p);
    }
    queue = [...articlePaths, ...sidecarPaths];
    prefetch();

    const articles = new Map<string, ArticleFile>();
    const loadArticle = async (p: string): Promise<ArticleFile | undefined> => {
      const text = await read(p);
      prefetch();
      if (text === undefined) return undefined;
      const known = this.articles.get(p);
      if (known && known.text === text) return known.file;
      const file = loadArticleFile(p, text, host.sha256Hex);
      this.articles.set(p, { text, file });
      changed.set(p, known ? diffTexts(known.text, text) : undefined);
      const before = known?.file.index;
      const after = file.index;
      if (before && after) {
        // Without CRs the normalised texts are the raw ones: the same diff.
        const raw = changed.get(p);
        const d = raw && before.text === known.text && after.text === text ? raw : diffTexts(before.text, after.text);
        if (d) {
          normalised.set(p, { from: known.file, diff: d });
          // Whole-text searches of the old text re-read only around the edit.
          carryScans(before, after, d);
          shifts.set(p, { start: before.text16ToCp(d.start), oldEnd: before.text16ToCp(d.oldEnd), newEnd: after.text16ToCp(d.newEnd) });
        }
      }
      return file;
    };
    await breathe();
    for (const p of articlePaths) {
      await breathe();
      const article = await loadArticle(p);
      if (article) articles.set(p, article);
    }

    // Deferring, a check reacting to an edit does no whole-article work at all; a follow-up
    // check (nothing changed since) does a piece of it (deferral.ts).
    const env: CheckEnv = { sidecarRules: this.runs.sidecar, changed, shifts, defer: options.defer ? new Deferral(changed.size === 0, options.deferSteps) : undefined, oneShot: options.oneShot === true };
    const contexts: SidecarContext[] = [];
    const sidecarFiles: SidecarFile[] = [];
    const checked = new Set<string>();
    for (const p of sidecarPaths) {
      await breathe();
      const text = await read(p);
      prefetch();
      if (text === undefined) continue;
      let sidecar = this.sidecars.get(p);
      if (!sidecar || sidecar.text !== text) {
        const diff = sidecar ? diffTexts(sidecar.text, text) : undefined;
        sidecar = (sidecar && diff && reloadSidecar(p, text, sidecar, diff)) || loadSidecarFast(p, text);
        // Validated here, between yields, when the schema rule will read it: its getter would
        // otherwise validate every sidecar of a cold check in one stretch of the rule's run
        // (a 70–105 ms block for M); with the rule off (agree) never.
        if (this.runs.yaml.some((r) => r.rule.id === 'schema')) touch(sidecar.schema);
        this.sidecars.set(p, sidecar);
        changed.set(p, diff);
      }
      let article = sidecar.articlePath === undefined ? undefined : articles.get(sidecar.articlePath);
      // A sidecar may annotate a file outside the article globs; it is still its article.
      if (!article && sidecar.articlePath !== undefined && listed.has(sidecar.articlePath)) article = await loadArticle(sidecar.articlePath);
      const live = article ? options.liveSpans?.get(article.path) : undefined;
      let unit = this.units.get(p);
      if (!unit) {
        unit = new SidecarUnit();
        if (!options.oneShot) this.units.set(p, unit);
      }
      await unit.update(env, cb, sidecar, article, live, usable(sidecar), breathe);
      contexts.push(unit.ctx as SidecarContext);
      sidecarFiles.push(sidecar);
      this.store.set(`sidecar:${p}`, unit.findings);
      checked.add(p);
    }
    // Files come and go with the listing; a sidecar may also have become unreadable.
    if (listingChanged || checked.size !== this.units.size) this.forgetMissing(listed, checked);

    const articleList = [...articles.values()];
    for (const a of articleList) if (a.problem) unreadable.push({ path: a.path, reason: a.problem });
    const context: DatasetContext = { codebook: cb, yamlFiles: [codebook, ...sidecarFiles], sidecars: contexts, articles: articleList, unreadable };

    const primary = !part || part.primary;
    if (primary) this.checkYaml(codebook);
    for (const file of sidecarFiles) this.checkYaml(file);
    if (primary) this.checkCodebook(cb);
    for (const run of this.runs.dataset) {
      if (part && CROSS_PART.has(run.rule.id)) continue;
      switch (run.rule.id) {
        case 'untagged-mention':
          await this.checkMentions(run, cb, articleList, contexts, changed, normalised, breathe);
          break;
        case 'contradiction':
          await this.checkGroups(run, cb, contexts, listingChanged, changed, shifts, breathe);
          break;
        case 'sidecar-ambiguous':
          this.checkAmbiguity(run, context, sidecarFiles, changed);
          break;
        default:
          this.store.set(`dataset:${run.rule.id}`, runDataset(run, context));
      }
    }
    return { findings: this.store.all(), codebook, sidecars: contexts, articles: articleList, texts, changedFiles: this.store.takeChanged(), deferred: env.defer?.deferred ?? 0 };
  }

  /** New severities make every derived result stale; parsed files stay. */
  private configure(severities: SeverityOverrides, hints: boolean): void {
    const key = JSON.stringify([hints, Object.entries(severities).sort(([a], [b]) => (a < b ? -1 : 1))]);
    if (key === this.severityKey) return;
    this.severityKey = key;
    const runs: Runs = { yaml: [], codebook: [], sidecar: [], dataset: [] };
    for (const rule of RULES) {
      const run = ruleRun(rule, severities, hints);
      if (!run) continue;
      if (rule.checkYaml) runs.yaml.push(run);
      if (rule.checkCodebook) runs.codebook.push(run);
      if (rule.checkSidecar) runs.sidecar.push(run);
      if (rule.checkDataset) runs.dataset.push(run);
    }
    this.runs = runs;
    this.units.clear();
    this.yamlDone.clear();
    this.codebookDone = undefined;
    this.mentions.clear();
    this.groups.clear();
    this.groupsOf.clear();
    this.groupsCodebook = undefined;
    this.ambiguity = undefined;
    this.store.clear();
  }

  /** Drops what belongs to files no longer listed, and the rules of sidecars that could not be read. */
  private forgetMissing(listed: ReadonlyMap<string, number>, checked: ReadonlySet<string>): void {
    for (const map of [this.articles, this.sidecars, this.units, this.yamlDone, this.mentions] as Array<Map<string, unknown>>) {
      for (const p of [...map.keys()]) if (!listed.has(p) || (isSidecarPath(p) && !checked.has(p))) map.delete(p);
    }
    this.store.retain((unit) => {
      const colon = unit.indexOf(':');
      const kind = unit.slice(0, colon);
      const path = unit.slice(colon + 1);
      if (kind === 'sidecar' || (kind === 'yaml' && path !== CODEBOOK_FILE)) return checked.has(path);
      return kind === 'xc' || kind === 'dataset' || listed.has(path);
    });
  }

  private checkYaml(file: YamlFile): void {
    if (this.yamlDone.get(file.path) === file) return;
    this.yamlDone.set(file.path, file);
    const out: Finding[] = [];
    for (const run of this.runs.yaml) run.rule.checkYaml?.(file, reporter(run, out));
    this.store.set(`yaml:${file.path}`, out);
  }

  private checkCodebook(cb: CodebookFile | undefined): void {
    if (this.codebookDone === cb && cb !== undefined) return;
    this.codebookDone = cb;
    const out: Finding[] = [];
    if (cb) for (const run of this.runs.codebook) run.rule.checkCodebook?.(cb, reporter(run, out));
    this.store.set(`codebook:${CODEBOOK_FILE}`, out);
  }

  /** Untagged mentions, per article: again when the codebook, the text or its claims changed, line by line. */
  private async checkMentions(
    run: RuleRun,
    cb: CodebookFile | undefined,
    articles: ArticleFile[],
    contexts: SidecarContext[],
    changed: ReadonlyMap<string, TextDiff | undefined>,
    normalised: ReadonlyMap<string, { from: ArticleFile; diff: TextDiff }>,
    breathe: () => Promise<void>,
  ): Promise<void> {
    const model = cb?.model;
    // As the rule does: the last sidecar naming an article supplies its claims.
    const covering = new Map<string, readonly AnchoredClaim[]>();
    for (const ctx of contexts) if (ctx.article) covering.set(ctx.article.path, ctx.claims);
    const current = new Set(articles.map((a) => a.path));
    for (const path of [...this.mentions.keys()]) {
      if (current.has(path)) continue;
      this.mentions.delete(path);
      this.store.set(`mention:${path}`, []);
    }
    for (const article of articles) {
      await breathe();
      const unit = `mention:${article.path}`;
      if (!model) {
        this.mentions.delete(article.path);
        this.store.set(unit, []);
        continue;
      }
      const claims = covering.get(article.path) ?? NO_CLAIMS;
      const known = this.mentions.get(article.path)?.codebook === model ? this.mentions.get(article.path) : undefined;
      if (known && known.article === article && sameSpans(known.claims, claims)) {
        known.claims = claims; // the spans are all the rule reads of the claims
        continue;
      }
      const sameText = known?.article === article;
      const previous = known?.mentions && !sameText && known.article.index && article.index
        ? { mentions: known.mentions, diff: normalised.get(article.path)?.from === known.article ? normalised.get(article.path)?.diff : diffTexts(known.article.index.text, article.index.text) }
        : undefined;
      const mentions = sameText ? known.mentions : mentionsOf(model, article, previous);
      let findings: UntaggedFindings | undefined;
      if (mentions) {
        const out: Finding[] = [];
        const report = reporter(run, out);
        const make = (f: { message: string; file: string; start: number; end: number }): Finding | undefined => {
          report(f);
          return out.pop();
        };
        const before = known?.findings ? { findings: known.findings, rawDiff: sameText ? undefined : changed.get(article.path) } : undefined;
        findings = untaggedFindings(article, mentions, claims, make, before);
      }
      this.mentions.set(article.path, { codebook: model, article, claims, mentions, findings });
      this.store.set(unit, findings?.all ?? [], article.path);
    }
  }

  /** Contradictions across articles, per actor-and-commitment group touched by a change. */
  private async checkGroups(
    run: RuleRun,
    cb: CodebookFile | undefined,
    contexts: SidecarContext[],
    listingChanged: boolean,
    changed: ReadonlyMap<string, TextDiff | undefined>,
    shifts: ReadonlyMap<string, CpShift>,
    breathe: () => Promise<void>,
  ): Promise<void> {
    const model = cb && cb.model.contradictions.length > 0 ? cb.model : undefined;
    if (model !== this.groupsCodebook || !model) {
      for (const key of this.groups.keys()) this.store.set(`xc:${key}`, []);
      this.groups.clear();
      this.groupsOf.clear();
      this.groupsCodebook = model;
      if (!model) return;
    }
    // Only a group of two sidecars or more has findings, and any change to a group marks it
    // dirty: with no group yet (a first check), no `xc:` unit holds findings.
    const cold = this.groups.size === 0;
    const dirty = new Set<string>();
    /** Groups whose members only moved: their findings follow the edits. */
    const remap = new Set<string>();
    const present = new Set<string>();
    // Contexts come in listing order; so do the members of groups built from nothing by one pass.
    let inOrder = cold;
    let last = -1;
    for (const ctx of contexts) {
      await breathe();
      const path = ctx.sidecar.path;
      present.add(path);
      if (inOrder) {
        const at = this.order.get(path) ?? 0;
        inOrder = at >= last;
        last = at;
      }
      const known = this.groupsOf.get(path);
      if (known?.ctx === ctx) continue;
      if (known && this.patchGroups(known, ctx, shifts, dirty, remap)) continue;
      if (known) this.leaveGroups(path, known.keys, dirty);
      const keys = new Set<string>();
      const stated: Array<Stated | undefined> = [];
      for (const c of ctx.claims) {
        const key = contradictionGroup(c);
        if (key === undefined) {
          stated.push(undefined);
          continue;
        }
        let members = this.groups.get(key);
        if (!members) this.groups.set(key, (members = new Map()));
        const item = { ctx, c };
        stated.push(item);
        const list = members.get(path);
        if (list) list.push(item);
        else {
          // The sidecar left all its groups above: its first claim in a group is the one that joins.
          members.set(path, [item]);
          keys.add(key);
        }
      }
      // A new listing re-checks every group below anyway.
      if (!listingChanged) for (const key of keys) dirty.add(key);
      this.groupsOf.set(path, { ctx, keys, stated });
    }
    for (const [path, known] of [...this.groupsOf]) {
      if (present.has(path)) continue;
      this.leaveGroups(path, known.keys, dirty);
      this.groupsOf.delete(path);
    }
    // With a new listing every group is checked again below: no findings need moving.
    if (!listingChanged) {
      for (const key of remap) {
        if (dirty.has(key)) continue;
        const before = this.store.get(`xc:${key}`);
        const moved = mapFindings(before, changed);
        if (!moved) dirty.add(key);
        else if (moved !== before) this.store.set(`xc:${key}`, moved);
      }
    }
    const recheck = (key: string, members: Map<string, Stated[]> | undefined): void => {
      // Only claims in two sidecars or more can contradict across articles.
      if (!members || members.size < 2) {
        if (!cold) this.store.set(`xc:${key}`, []);
        return;
      }
      // Members are ordered by the listing; a first check added them in that order.
      let list: Stated[];
      if (inOrder) {
        list = [];
        for (const items of members.values()) for (const item of items) list.push(item);
      } else {
        list = [...members.entries()].sort(([a], [b]) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0)).flatMap(([, items]) => items);
      }
      const out: Finding[] = [];
      acrossArticles(model, list, reporter(run, out));
      if (!cold || out.length > 0) this.store.set(`xc:${key}`, out);
    };
    // A new listing may reorder every group: all are checked again, and of the dirty keys
    // only those whose group is gone.
    let n = 0;
    if (listingChanged) {
      for (const [key, members] of this.groups) {
        if (++n % 256 === 0) await breathe();
        recheck(key, members);
      }
    }
    for (const key of dirty) {
      if (++n % 256 === 0) await breathe();
      const members = this.groups.get(key);
      if (!listingChanged || !members) recheck(key, members);
    }
  }

  /**
   * A sidecar's new context where most claims are the same or only moved with an edit of the
   * article, and a few changed within their group: updates the members in place. False when
   * that does not describe the change (the caller regroups the sidecar).
   */
  private patchGroups(known: GroupsOf, ctx: SidecarContext, shifts: ReadonlyMap<string, CpShift>, dirty: Set<string>, remap: Set<string>): boolean {
    const before = known.ctx.claims;
    const after = ctx.claims;
    if (before.length !== after.length || known.ctx.sidecar.path !== ctx.sidecar.path) return false;
    const shift = ctx.article ? shifts.get(ctx.article.path) : undefined;
    const replaced: number[] = [];
    const moved: number[] = [];
    for (let i = 0; i < after.length; i++) {
      const x = before[i] as AnchoredClaim;
      const y = after[i] as AnchoredClaim;
      if (x === y) continue;
      if (x.claim === y.claim && known.ctx.article?.path === ctx.article?.path && movedWith(x.anchor, y.anchor, shift)) moved.push(i);
      else if (contradictionGroup(x) === contradictionGroup(y) && replaced.length < 32) replaced.push(i);
      else return false;
    }
    const path = ctx.sidecar.path;
    for (const item of known.stated) if (item) item.ctx = ctx;
    for (const i of moved) {
      const item = known.stated[i];
      if (item) item.c = after[i] as AnchoredClaim;
    }
    for (const i of replaced) {
      const item = known.stated[i];
      if (!item) continue;
      const key = contradictionGroup(item.c) as string;
      const next = { ctx, c: after[i] as AnchoredClaim };
      const list = this.groups.get(key)?.get(path);
      if (list) list[list.indexOf(item)] = next;
      known.stated[i] = next;
      dirty.add(key);
    }
    // The sidecar or its article changed: findings about the others follow the edit.
    for (const key of known.keys) remap.add(key);
    known.ctx = ctx;
    return true;
  }

  private leaveGroups(path: string, keys: Set<string>, dirty: Set<string>): void {
    for (const key of keys) {
      const members = this.groups.get(key);
      members?.delete(path);
      if (members && members.size === 0) this.groups.delete(key);
      dirty.add(key);
    }
  }

  /**
   * Stems and article names: again when the listing, the articles or the article a sidecar
   * names changed; otherwise the findings follow edits of the sidecars they point into.
   */
  private checkAmbiguity(run: RuleRun, context: DatasetContext, sidecars: SidecarFile[], changed: ReadonlyMap<string, TextDiff | undefined>): void {
    const names = sidecars.map((s) => `${s.path}\0${s.articlePath ?? ''}\0${s.model.article ?? ''}`);
    const articles = context.articles.map((a) => a.path);
    const known = this.ambiguity;
    const unit = `dataset:${run.rule.id}`;
    if (known && known.files === this.files && sameList(known.names, names) && sameList(known.articles, articles)) {
      const before = this.store.get(unit);
      const moved = mapFindings(before, changed);
      if (moved) {
        if (moved !== before) this.store.set(unit, moved);
        return;
      }
    }
    this.ambiguity = { files: this.files, names, articles };
    this.store.set(unit, runDataset(run, context));
  }
}

/** The same anchored spans, in the same order. */
function sameSpans(a: readonly AnchoredClaim[], b: readonly AnchoredClaim[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = (a[i] as AnchoredClaim).anchor;
    const y = (b[i] as AnchoredClaim).anchor;
    if (x !== y && (!x || !y || x.start !== y.start || x.end !== y.end)) return false;
  }
  return true;
}

function runDataset(run: RuleRun, context: DatasetContext): Finding[] {
  const out: Finding[] = [];
  run.rule.checkDataset?.(context, reporter(run, out));
  return out;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export type { Rule };

/** Reads a lazily computed value for its cost now, not later. */
function touch(value: unknown): void {
  void value;
}
