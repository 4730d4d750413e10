/**
 * Comments of a YAML value, as a tree beside the value, so the canonical renderer can put each
 * one back next to the entry it was written next to (issue 14: "comments are kept, attached to
 * their claim"). Only the `yaml` Document knows comments; a text without `#` has none and skips it.
 */
import type { Document, Node } from 'yaml';
import { yamlLib } from '../yaml/yamlLib';

export interface CommentNode {
  /** Own-line comments above the entry (text after `#`, one line each, joined by \n). */
  before?: string;
  /** The comment at the end of a scalar entry's line. */
  inline?: string;
  /** Own-line comments at the top of a collection value, before its first entry. */
  inner?: string;
  /** Comments after a collection's last entry. */
  after?: string;
  /** Source of a plain number that would not read back the same once re-rendered (`0123`, `1.50`). */
  raw?: string;
  children?: Map<string | number, CommentNode>;
}

/** Joins two comment texts, dropping empty ones (a merge or a re-parse may bring both). */
export function joinComment(a: string | undefined, b: string | undefined): string | undefined {
  // Blank lines around a comment are spacing, not content (the canonical form sets spacing).
  a = a?.replace(/^\n+|\n+$/g, '');
  b = b?.replace(/^\n+|\n+$/g, '');
  if (a === undefined || a === '') return b === '' ? undefined : b;
  if (b === undefined || b === '' || a === b) return a;
  return `${a}\n${b}`;
}

export function child(node: CommentNode | undefined, key: string | number): CommentNode | undefined {
  return node?.children?.get(key);
}

function setChild(parent: CommentNode, key: string | number, c: CommentNode | undefined): void {
  if (!c) return;
  (parent.children ??= new Map()).set(key, c);
}

function isEmpty(c: CommentNode): boolean {
  return c.before === undefined && c.inline === undefined && c.inner === undefined && c.after === undefined && c.raw === undefined && !c.children?.size;
}

/** The comment tree of a node, or undefined when it holds no comment (and no raw scalar). */
export function commentsOf(node: unknown): CommentNode | undefined {
  const { isMap, isSeq, isScalar, isPair, Scalar } = yamlLib();
  const c: CommentNode = {};
  if (isMap(node) || isSeq(node)) {
    c.inner = joinComment(undefined, (node as Node).commentBefore ?? undefined);
    c.after = joinComment(undefined, (node as Node).comment ?? undefined);
    node.items.forEach((item: unknown, index: number) => {
      if (isPair(item)) {
        const key = item.key as Node | null;
        const keyName = isScalar(key) ? String(key.value) : String(key);
        const sub = commentsOf(item.value) ?? {};
        if (isScalar(key)) {
          sub.before = joinComment(key.commentBefore ?? undefined, sub.before);
          sub.inline = joinComment(key.comment ?? undefined, sub.inline);
        }
        setChild(c, keyName, isEmpty(sub) ? undefined : sub);
      } else {
        setChild(c, index, commentsOf(item));
      }
    });
  } else if (isScalar(node)) {
    c.before = joinComment(undefined, node.commentBefore ?? undefined);
    c.inline = joinComment(undefined, node.comment ?? undefined);
    const source = (node as { source?: unknown }).source;
    if (node.type === Scalar.PLAIN && typeof node.value === 'number' && typeof source === 'string' && source !== plainText(node.value)) c.raw = source;
  }
  return isEmpty(c) ? undefined : c;
}

/** How the renderer writes a non-string plain value. */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  }
  return String(value);
}

/** The comments of a whole document: its own leading and trailing ones fold into the root's. */
export function documentComments(doc: Document.Parsed): CommentNode | undefined {
  const root = commentsOf(doc.contents) ?? {};
  root.inner = joinComment(doc.commentBefore ?? undefined, root.inner);
  root.after = joinComment(root.after, doc.comment ?? undefined);
  return isEmpty(root) ? undefined : root;
}
