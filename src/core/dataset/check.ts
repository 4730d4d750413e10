/**
 * The check pipeline over a Host. `checkDataset` runs on a `FileCache` — the incremental dataset
 * index — so the CLI's one-off check, its `--fix` passes and `--watch`, and the extension's
 * long-lived sessions all re-check only what changed. `checkDatasetDirect` is the same pipeline
 * without any reuse (every file parsed with the range-keeping parser, every rule over the whole
 * context): the reference the differential tests hold the index to.
 */
import { compareFindings, type Finding } from '../model/finding';
import { RULES } from '../rules';
import type { ArticleFile } from './files';
import { isSidecarPath, loadArticleFile, loadCodebookFile, loadSidecarFile } from './files';
import { CODEBOOK_FILE, MAX_FILE_BYTES, type Host } from './host';
import { isExcludedArticle, matchesAny } from './glob';
import { anchorClaims } from './anchorClaims';
import type { DatasetContext, SidecarContext } from '../rules/rule';
import { DatasetIndex, usable, type CheckOptions, type CheckResult, type SeverityOverrides } from './datasetIndex';
import { reporter, ruleRun } from './sidecarUnit';

export { DatasetIndex, type CheckOptions, type CheckResult, type SeverityOverrides } from './datasetIndex';

/** Parsed files and derived results, reused while their inputs are unchanged (the dataset index). */
export class FileCache extends DatasetIndex {}

export function checkDataset(host: Host, options: CheckOptions = {}, cache: DatasetIndex = new FileCache()): Promise<CheckResult> {
  return cache.check(host, options);
}

/** The whole pipeline from scratch, with no cache, fast path or incremental step. */
export async function checkDatasetDirect(host: Host, options: CheckOptions = {}): Promise<CheckResult> {
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
  // Folders the listing could not read: findings, while the rest is checked.
  unreadable.push(...(host.listingProblems?.() ?? []));
  const codebook = loadCodebookFile(CODEBOOK_FILE, codebookText);

  const articlePaths = files.filter((p) => !isSidecarPath(p) && p !== CODEBOOK_FILE && !isExcludedArticle(p) && matchesAny(p, codebook.model.articles));
  const articles = new Map<string, ArticleFile>();
  for (const p of articlePaths) {
    const text = await read(p);
    if (text !== undefined) articles.set(p, loadArticleFile(p, text, host.sha256Hex));
  }
  const sidecars: SidecarContext[] = [];
  for (const p of files.filter(isSidecarPath)) {
    const text = await read(p);
    if (text === undefined) continue;
    const sidecar = loadSidecarFile(p, text);
    let article = sidecar.articlePath === undefined ? undefined : articles.get(sidecar.articlePath);
    // A sidecar may annotate a file outside the article globs; it is still its article.
    if (!article && sidecar.articlePath !== undefined && files.includes(sidecar.articlePath)) {
      const t = await read(sidecar.articlePath);
      if (t !== undefined) article = loadArticleFile(sidecar.articlePath, t, host.sha256Hex);
    }
    const live = article ? options.liveSpans?.get(article.path) : undefined;
    // Rules that need the codebook skip it while it does not parse, instead of calling every id unknown.
    sidecars.push({ codebook: usable(codebook) ? codebook : undefined, sidecar, article, claims: anchorClaims(sidecar, article, live) });
  }

  const context: DatasetContext = { codebook: usable(codebook) ? codebook : undefined, yamlFiles: [codebook, ...sidecars.map((s) => s.sidecar)], sidecars, articles: [...articles.values()], unreadable };
  for (const a of articles.values()) if (a.problem) unreadable.push({ path: a.path, reason: a.problem });
  const findings = runRules(context, options.severities ?? {}, options.hints);
  return { findings, codebook, sidecars, articles: context.articles, texts };
}

export function runRules(context: DatasetContext, severities: SeverityOverrides, hints = true): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const run = ruleRun(rule, severities, hints);
    if (!run) continue;
    const report = reporter(run, findings);
    if (rule.checkYaml) for (const f of context.yamlFiles) rule.checkYaml(f, report);
    if (rule.checkCodebook && context.codebook && usable(context.codebook)) rule.checkCodebook(context.codebook, report);
    if (rule.checkSidecar) for (const s of context.sidecars) if (usable(s.sidecar)) rule.checkSidecar(s, report);
    rule.checkDataset?.(context, report);
  }
  return findings.sort(compareFindings);
}
