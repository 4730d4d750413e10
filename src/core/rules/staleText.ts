import type { Rule } from './rule';
import type { TextIndex } from '../text/textIndex';
import type { ArticleFile } from '../dataset/files';
import { sha256Hex } from '../text/sha256';
import { replaceValue } from '../fixes/yamlEdit';
import { at } from './where';

export const staleText: Rule = {
  id: 'stale-text',
  description: "The article's SHA-256 differs from the sidecar's text-sha256: the text changed since the anchors were verified.",
  defaultSeverity: 'info',
  checkSidecar(ctx, report) {
    const recorded = ctx.sidecar.model.textSha256;
    if (recorded === undefined || !ctx.article?.index) return;
    const actual = articleSha256(ctx.article, ctx.article.index);
    if (actual === recorded.toLowerCase()) return;
    // Recording the new hash claims the anchors were verified: safe only when all are exact.
    const verified = ctx.claims.every((c) => c.anchor?.status === 'exact');
    const edit = replaceValue(ctx.sidecar, ['text-sha256'], actual);
    report({
      message: `${ctx.article?.path} changed since its anchors were verified (text-sha256 differs)`,
      ...at(ctx.sidecar, ['text-sha256']),
      fixes: edit ? [{ title: 'Record the current text-sha256', file: ctx.sidecar.path, edits: [edit], safe: verified }] : [],
    });
  },
};

/**
 * Hashes of normalised article texts, by text: the rule runs again whenever the claims' anchors
 * change, and several sidecars may name one article, but the text is hashed once.
 */
const hashes = new WeakMap<TextIndex, string>();

function articleSha256(article: ArticleFile, index: TextIndex): string {
  let hex = hashes.get(index);
  if (hex === undefined) {
    hex = (article.sha256Hex ?? sha256Hex)(index.text);
    hashes.set(index, hex);
  }
  return hex;
}
