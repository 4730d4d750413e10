/**
 * The check pipeline over a Host: list, read, parse (cached by content), anchor, run the rules.
 * Used by the CLI once, and by the extension on every validation with a long-lived cache.
 */
import { compareFindings, type Finding, type RuleId, type Severity } from '../model/finding';
import { RULES } from '../rules';
import type { ArticleFile, CodebookFile, SidecarFile, YamlFile } from './files';
import { isSidecarPath, loadArticleFile, loadCodebookFile, loadSidecarFile } from './files';
import { CODEBOOK_FILE, MAX_FILE_BYTES, type Host } from './host';
import { isExcludedArticle, matchesAny } from './glob';
import { anchorClaims, type LiveSpan } from './anchorClaims';
import type { DatasetContext, Report, Rule, SidecarContext } from '../rules/rule';

export type SeverityOverrides = Partial<Record<RuleId, Severity | 'off'>>;

export interface CheckOptions {
  severities?: SeverityOverrides;
  /** Live spans per article path, then per claim id (the editor's shifted anchors). */
  liveSpans?: ReadonlyMap<string, ReadonlyMap<string, LiveSpan>>;
}

export interface CheckResult {
  /** Set when the dataset is unusable (no codebook): the CLI exits 2. */
  fatal?: string;
  findings: Finding[];
  codebook: CodebookFile | undefined;
  sidecars: SidecarContext[];
  articles: ArticleFile[];
  /** Text of every file read, for line/column conversion and fixes. */
  texts: Map<string, string>;
}

/** Parsed files by path, reused while their text is unchanged. */
export class FileCache {
  private readonly yaml = new Map<string, YamlFile>();
  private readonly articles = new Map<string, ArticleFile & { text: string }>();

  codebook(path: string, text: string): CodebookFile {
    return this.cached(path, text, () => loadCodebookFile(path, text)) as CodebookFile;
  }

  sidecar(path: string, text: string): SidecarFile {
    return this.cached(path, text, () => loadSidecarFile(path, text)) as SidecarFile;
  }

  article(path: string, text: string): ArticleFile {
    const hit = this.articles.get(path);
    if (hit && hit.text === text) return hit;
    const loaded = { ...loadArticleFile(path, text), text };
    this.articles.set(path, loaded);
    return loaded;
  }

  /** Forget files no longer listed, so the cache does not grow with deleted files. */
  retain(paths: ReadonlySet<string>): void {
    for (const p of this.yaml.keys()) if (!paths.has(p)) this.yaml.delete(p);
    for (const p of this.articles.keys()) if (!paths.has(p)) this.articles.delete(p);
  }

  private cached(path: string, text: string, load: () => YamlFile): YamlFile {
    const hit = this.yaml.get(path);
    if (hit && hit.text === text) return hit;
    const loaded = load();
    this.yaml.set(path, loaded);
    return loaded;
  }
}

export async function checkDataset(host: Host, options: CheckOptions = {}, cache = new FileCache()): Promise<CheckResult> {
  const texts = new Map<string, string>();
  const unreadable: DatasetContext['unreadable'] = [];
  const read = async (path: string): Promise<string | undefined> => {
    const r = await host.readText(path, MAX_FILE_BYTES);
    if (r.ok) {
      texts.set(path, r.text);
      return r.text;
    }
    unreadable.push({ path, reason: r.reason });
    return undefined;
  };

  const files = await host.listFiles();
  const result: CheckResult = { findings: [], codebook: undefined, sidecars: [], articles: [], texts };
  if (!files.includes(CODEBOOK_FILE)) return { ...result, fatal: `no ${CODEBOOK_FILE} found: a dataset has its codebook at its root` };
  const codebookText = await read(CODEBOOK_FILE);
  if (codebookText === undefined) return { ...result, fatal: `cannot read ${CODEBOOK_FILE}: ${unreadable[0]?.reason ?? 'unknown reason'}` };
  const codebook = cache.codebook(CODEBOOK_FILE, codebookText);

  const articlePaths = files.filter((p) => !isSidecarPath(p) && p !== CODEBOOK_FILE && !isExcludedArticle(p) && matchesAny(p, codebook.model.articles));
  const sidecarPaths = files.filter(isSidecarPath);
  const articles = new Map<string, ArticleFile>();
  for (const p of articlePaths) {
    const text = await read(p);
    if (text !== undefined) articles.set(p, cache.article(p, text));
  }
  const sidecars: SidecarContext[] = [];
  for (const p of sidecarPaths) {
    const text = await read(p);
    if (text === undefined) continue;
    const sidecar = cache.sidecar(p, text);
    let article = sidecar.articlePath === undefined ? undefined : articles.get(sidecar.articlePath);
    // A sidecar may annotate a file outside the article globs; it is still its article.
    if (!article && sidecar.articlePath !== undefined && files.includes(sidecar.articlePath)) {
      const t = await read(sidecar.articlePath);
      if (t !== undefined) article = cache.article(sidecar.articlePath, t);
    }
    const live = article ? options.liveSpans?.get(article.path) : undefined;
    // Rules that need the codebook skip it while it does not parse, instead of calling every id unknown.
    sidecars.push({ codebook: usable(codebook) ? codebook : undefined, sidecar, article, claims: anchorClaims(sidecar, article, live) });
  }
  cache.retain(new Set(files));

  const context: DatasetContext = { codebook: usable(codebook) ? codebook : undefined, yamlFiles: [codebook, ...sidecars.map((s) => s.sidecar)], sidecars, articles: [...articles.values()], unreadable };
  for (const a of articles.values()) if (a.problem) unreadable.push({ path: a.path, reason: a.problem });
  const findings = runRules(context, options.severities ?? {});
  return { findings, codebook, sidecars, articles: context.articles, texts };
}

export function runRules(context: DatasetContext, severities: SeverityOverrides): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const level = severities[rule.id] ?? rule.defaultSeverity;
    if (level === 'off') continue;
    const report = reporter(rule, level, findings);
    if (rule.checkYaml) for (const f of context.yamlFiles) rule.checkYaml(f, report);
    if (rule.checkCodebook && context.codebook && usable(context.codebook)) rule.checkCodebook(context.codebook, report);
    if (rule.checkSidecar) for (const s of context.sidecars) if (usable(s.sidecar)) rule.checkSidecar(s, report);
    rule.checkDataset?.(context, report);
  }
  return findings.sort(compareFindings);
}

/** A file whose parse was refused or failed gives only its parse findings. */
function usable(file: YamlFile): boolean {
  return file.parsed.value !== undefined && file.parsed.problems.length === 0;
}

function reporter(rule: Rule, level: Severity, into: Finding[]): Report {
  // A rule's own severity (contradiction across articles is info) is kept unless the user overrode the rule.
  return ({ severity, ...rest }) => {
    into.push({ rule: rule.id, severity: severity && level === rule.defaultSeverity ? severity : level, ...rest });
  };
}
