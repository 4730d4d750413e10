/**
 * The text edit deleting one claim from a sidecar, keeping everything else byte for byte: the
 * item's lines go with one of the blank lines around it, so the spacing between claims stays
 * as it was. Deleting the last claim leaves `claims: []`, which is still a valid sidecar.
 */
import type { TextEdit } from '../model/finding';
import type { SidecarFile } from '../dataset/files';
import { nodeRange } from '../yaml/ranges';

export function removeClaimEdit(file: SidecarFile, index: number): TextEdit | undefined {
  // A file that does not parse cleanly has no claims in its model: nothing to delete safely.
  const count = file.model.claims.length;
  if (file.parsed.problems.length > 0 || index < 0 || index >= count) return undefined;
  const seq = nodeRange(file.parsed, ['claims'], 'value');
  const item = nodeRange(file.parsed, ['claims', index], 'value');
  if (!seq.exact || !item.exact) return undefined;
  const text = file.text;
  if (text[seq.start] === '[') return removeFlowItem(file, index, count, item);
  const lineStart = text.lastIndexOf('\n', item.start - 1) + 1;
  // Block items start with `- ` on their own line; anything else is a layout we do not guess at.
  if (!/^[ \t]*-[ \t]*$/.test(text.slice(lineStart, item.start))) return undefined;
  if (count === 1) {
    const key = nodeRange(file.parsed, ['claims'], 'key');
    const colon = text.indexOf(':', key.end);
    if (!key.exact || colon < 0 || colon > lineStart) return undefined;
    return { start: colon + 1, end: lineEnd(text, item.end), newText: ' []' };
  }
  let end = nextLine(text, item.end);
  let start = lineStart;
  const afterBlank = blankRun(text, end);
  if (afterBlank > end) end = afterBlank;
  else start = blankRunBack(text, start);
  return { start, end, newText: '' };
}

function removeFlowItem(file: SidecarFile, index: number, count: number, item: { start: number; end: number }): TextEdit {
  if (count === 1) return { start: item.start, end: item.end, newText: '' };
  if (index < count - 1) {
    const next = nodeRange(file.parsed, ['claims', index + 1], 'value');
    return { start: item.start, end: next.start, newText: '' };
  }
  const previous = nodeRange(file.parsed, ['claims', index - 1], 'value');
  return { start: previous.end, end: item.end, newText: '' };
}

/** Offset of the line break ending the line holding `at` (or the text's end). */
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** Offset just after the line holding `at`. */
function nextLine(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

/** Past the blank lines starting at line start `at`. */
function blankRun(text: string, at: number): number {
  let p = at;
  for (;;) {
    const m = /^[ \t]*\r?\n/.exec(text.slice(p, p + 256));
    if (!m || p >= text.length) return p;
    p += m[0].length;
  }
}

/** Back over the blank lines that end at line start `at`. */
function blankRunBack(text: string, at: number): number {
  let p = at;
  while (p > 0) {
    const prevStart = text.lastIndexOf('\n', p - 2) + 1;
    if (!/^[ \t]*\r?\n$/.test(text.slice(prevStart, p))) break;
    p = prevStart;
  }
  return p;
}
