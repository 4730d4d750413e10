import type { Rule } from './rule';
import { articleStem, sidecarStem } from '../dataset/files';
import { at, related } from './where';

export const sidecarAmbiguous: Rule = {
  id: 'sidecar-ambiguous',
  description: 'Two articles share a stem in one folder (x.txt and x.md), or two sidecars claim the same article.',
  defaultSeverity: 'error',
  checkDataset(ctx, report) {
    const byStem = new Map<string, string[]>();
    for (const a of ctx.articles) byStem.set(articleStem(a.path), [...(byStem.get(articleStem(a.path)) ?? []), a.path]);
    const sidecarByStem = new Map(ctx.sidecars.map((s) => [sidecarStem(s.sidecar.path), s.sidecar]));
    for (const [stem, paths] of byStem) {
      if (paths.length < 2) continue;
      const sidecar = sidecarByStem.get(stem);
      const message = `articles ${paths.join(' and ')} share the stem '${stem}', so '${stem}.claims.yaml' belongs to neither unambiguously`;
      if (sidecar) report({ message, ...at(sidecar, ['article']) });
      else for (const path of paths) report({ message, file: path, start: 0, end: 0 });
    }
    const byArticle = new Map<string, typeof ctx.sidecars>();
    for (const s of ctx.sidecars) {
      const p = s.sidecar.articlePath;
      if (p !== undefined) byArticle.set(p, [...(byArticle.get(p) ?? []), s]);
    }
    for (const [article, list] of byArticle) {
      const [first, ...rest] = list;
      if (!first) continue;
      for (const other of rest) {
        report({
          message: `${other.sidecar.path} and ${first.sidecar.path} both annotate ${article}`,
          ...at(other.sidecar, ['article']),
          related: [related(at(first.sidecar, ['article']), 'the other sidecar')],
        });
      }
    }
  },
};
