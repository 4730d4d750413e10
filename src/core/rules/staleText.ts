import type { Rule } from './rule';
import { sha256Hex } from '../text/sha256';
import { replaceValue } from '../fixes/yamlEdit';
import { at } from './where';

export const staleText: Rule = {
  id: 'stale-text',
  description: "The article's SHA-256 differs from the sidecar's text-sha256: the text changed since the anchors were verified.",
  defaultSeverity: 'info',
  checkSidecar(ctx, report) {
    const recorded = ctx.sidecar.model.textSha256;
    const index = ctx.article?.index;
    if (recorded === undefined || !index) return;
    const actual = sha256Hex(index.text);
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
