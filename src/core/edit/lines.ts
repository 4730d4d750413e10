/** Line helpers for offset edits on YAML text (LF, CRLF or lone CR all end a line). */

/** The file's own line end: CRLF when it has any, else LF. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function lineStartAt(text: string, offset: number): number {
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
  }
  return 0;
}

/** Offset of the line break ending the line that holds `offset` (or the text's end). */
export function lineEndAt(text: string, offset: number): number {
  for (let i = Math.max(offset, 0); i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** Offset just after the line break at `lineEnd` (CRLF counted once). */
export function afterBreak(text: string, lineEnd: number): number {
  if (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10) return lineEnd + 2;
  return Math.min(lineEnd + 1, text.length);
}

/** Start of the first line at or after `from` (a line start) that holds more than whitespace. */
export function nextContentLine(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const end = lineEndAt(text, at);
    if (text.slice(at, end).trim() !== '') return at;
    if (end >= text.length) return text.length;
    at = afterBreak(text, end);
  }
  return text.length;
}

/** Start of the comment lines directly above the line at `lineStart` (no blank line between). */
export function leadingCommentsStart(text: string, lineStart: number): number {
  let start = lineStart;
  while (start > 0) {
    const prevEnd = start - (text.charCodeAt(start - 1) === 10 && text.charCodeAt(start - 2) === 13 ? 2 : 1);
    const prevStart = lineStartAt(text, prevEnd);
    if (!text.slice(prevStart, prevEnd).trimStart().startsWith('#')) break;
    start = prevStart;
  }
  return start;
}

export function column(text: string, offset: number): number {
  return offset - lineStartAt(text, offset);
}
