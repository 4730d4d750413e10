/**
 * Comments merge on their own, beside the values: a comment one side added or changed is kept,
 * and when both sides changed one differently both texts are kept. A comment never conflicts.
 */
import { joinComment, type CommentNode } from '../format/comments';

type Text = string | undefined;

function pick(b: Text, o: Text, t: Text): Text {
  if (o === b) return t;
  if (t === b || t === o) return o;
  return joinComment(o, t);
}

export function mergeComments(b: CommentNode | undefined, o: CommentNode | undefined, t: CommentNode | undefined): CommentNode | undefined {
  if (o === t) return o;
  if (!b && !o) return t;
  if (!b && !t) return o;
  const out: CommentNode = {};
  for (const field of ['before', 'inline', 'inner', 'after', 'raw'] as const) {
    const v = field === 'raw' ? (o?.raw === b?.raw ? t?.raw : o?.raw) : pick(b?.[field], o?.[field], t?.[field]);
    if (v !== undefined) out[field] = v;
  }
  const keys = new Set([...(o?.children?.keys() ?? []), ...(t?.children?.keys() ?? []), ...(b?.children?.keys() ?? [])]);
  for (const k of keys) {
    const c = mergeComments(b?.children?.get(k), o?.children?.get(k), t?.children?.get(k));
    if (c) (out.children ??= new Map()).set(k, c);
  }
  return Object.keys(out).length === 0 ? undefined : out;
}
