import type { Rule, Report } from './rule';
import { articleStem, sidecarStem } from '../dataset/files';
import { at, related, type Place } from './where';

export const sidecarAmbiguous: Rule = {
  id: 'sidecar-ambiguous',
  description: 'Two articles share a stem in one folder (x.txt and x.md), or two sidecars claim the same article.',
  defaultSeverity: 'error',
  checkDataset(ctx, report) {
    const files = new Map(ctx.sidecars.map((s) => [s.sidecar.path, s.sidecar]));
    const sidecars = ctx.sidecars.map((s) => ({ path: s.sidecar.path, articlePath: s.sidecar.articlePath }));
    ambiguities(
      ctx.articles.map((a) => a.path),
      sidecars,
      (path) => at(files.get(path)!, ['article']),
      report,
    );
  },
};

/**
 * The rule over paths alone, so that a check split across threads can run it on the facts its
 * parts sent; `articleAt` finds a sidecar's `article` value, asked only for sidecars reported.
 */
export function ambiguities(
  articles: readonly string[],
  sidecars: ReadonlyArray<{ path: string; articlePath: string | undefined }>,
  articleAt: (sidecarPath: string) => Place,
  report: Report,
): void {
  const byStem = new Map<string, string[]>();
  for (const a of articles) {
    const stem = articleStem(a);
    const list = byStem.get(stem);
    if (list) list.push(a);
    else byStem.set(stem, [a]);
  }
  const sidecarByStem = new Map(sidecars.map((s) => [sidecarStem(s.path), s.path]));
  for (const [stem, paths] of byStem) {
    if (paths.length < 2) continue;
    const sidecar = sidecarByStem.get(stem);
    const message = `articles ${paths.join(' and ')} share the stem '${stem}', so '${stem}.claims.yaml' belongs to neither unambiguously`;
    if (sidecar !== undefined) report({ message, ...articleAt(sidecar) });
    else for (const path of paths) report({ message, file: path, start: 0, end: 0 });
  }
  const byArticle = new Map<string, string[]>();
  for (const s of sidecars) {
    if (s.articlePath === undefined) continue;
    const list = byArticle.get(s.articlePath);
    if (list) list.push(s.path);
    else byArticle.set(s.articlePath, [s.path]);
  }
  for (const [article, [first, ...rest]] of byArticle) {
    for (const other of rest) {
      report({
        message: `${other} and ${first} both annotate ${article}`,
        ...articleAt(other),
        related: [related(articleAt(first as string), 'the other sidecar')],
      });
    }
  }
}
