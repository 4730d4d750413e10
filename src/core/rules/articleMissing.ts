import type { Rule } from './rule';
import { at } from './where';

export const articleMissing: Rule = {
  id: 'article-missing',
  description: 'A sidecar names an article file that does not exist.',
  defaultSeverity: 'error',
  checkSidecar(ctx, report) {
    const { sidecar } = ctx;
    if (ctx.article || sidecar.articlePath === undefined) return;
    report({ message: `article '${sidecar.model.article}' not found (looked for ${sidecar.articlePath})`, ...at(sidecar, ['article']) });
  },
};
