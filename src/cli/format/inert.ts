/**
 * Dataset text (ids, messages quoting it, file names) made inert before it reaches a terminal or
 * a CI log: a malicious dataset must not be able to clear a screen, retitle a terminal, hide a
 * line behind a CR, or start a line that GitHub Actions would run as a workflow command.
 */

/** C0 and C1 controls, DEL, line/paragraph separators and the bidirectional overrides. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, less C0 (which `JSON.stringify` escapes itself, and uses for its own layout). */
const BEYOND_C0 = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Control characters shown as visible escapes (`\n`, `\r`, `\x1b`, `\u202e`). */
export function inert(text: string): string {
  return text.replace(CONTROL, escape);
}

/**
 * `inert`, for text that starts a line of output: a leading `::` (after blanks, which the
 * Actions runner skips) is escaped too, so the line cannot be read as a workflow command.
 */
export function inertLineStart(text: string): string {
  return inert(text).replace(/^(\s*):/, '$1\\x3a');
}

/**
 * JSON with the characters `inert` escapes beyond C0 written as `\u` escapes: `JSON.stringify` leaves
 * C1 controls (a terminal may read U+009B as CSI), bidi overrides and U+2028/U+2029 raw, and
 * some line readers (Python's `splitlines`) split a JSON-lines stream on them.
 */
export function jsonInert(json: string): string {
  return json.replace(BEYOND_C0, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
