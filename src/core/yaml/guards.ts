/**
 * Cheap scans that run before the `yaml` package sees a text (DESIGN §5). Each one protects
 * the process or the user from input the parser handles badly: huge files, binary files, git
 * conflict markers (which can parse silently inside block scalars) and long runs of node
 * indicators, which the `yaml` lexer handles by recursion (`- - - - …` ten thousand times
 * overflows the stack inside a generator chain).
 */

/** Deeper nesting than this is refused; the formats we read need fewer than ten levels. */
export const MAX_NESTING = 64;

/** VS Code's large-file threshold. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface GuardHit {
  message: string;
  start: number;
  end: number;
}

const MB = 1024 * 1024;

function formatMb(bytes: number): string {
  // One decimal, rounded up so that a file just over the limit never shows as equal to it;
  // no useless ".0": "20 MB", "20.1 MB".
  return `${Math.ceil((bytes / MB) * 10) / 10} MB`;
}

/** UTF-8 length of a JavaScript string, without allocating an encoded copy. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      // A surrogate pair is one 4-byte code point; a lone surrogate becomes U+FFFD (3 bytes).
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export function checkSize(text: string, maxBytes: number): GuardHit | undefined {
  // Every UTF-16 unit is at least one UTF-8 byte and at most three: decide most texts
  // without counting.
  if (text.length * 3 <= maxBytes) return undefined;
  const bytes = text.length > maxBytes ? text.length : utf8Length(text);
  if (bytes <= maxBytes) return undefined;
  return { message: `file too large (${formatMb(bytes)} > ${formatMb(maxBytes)})`, start: 0, end: 0 };
}

/** The start of a text that checkBinary looks at for control characters. */
const SAMPLE = 8192;

/** Control characters other than tab, LF and CR; text files have next to none. */
function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f;
}

/**
 * NUL anywhere, or a sample with many control characters (at least 8, and over 1%), means
 * the file is not text (git uses the same NUL test); one stray form feed does not.
 * Non-UTF-8 text decoded to U+FFFD is still text.
 */
export function checkBinary(text: string): GuardHit | undefined {
  const hit: GuardHit = { message: 'binary file', start: 0, end: 0 };
  if (text.includes('\0')) return hit;
  const sample = Math.min(text.length, SAMPLE);
  let controls = 0;
  for (let i = 0; i < sample; i++) if (isControl(text.charCodeAt(i))) controls++;
  return controls >= 8 && controls * 100 > sample ? hit : undefined;
}

// Markers git writes at column 0; `|||||||` is the base section of the diff3 style.
const CONFLICT_MARKER = /^(?:<{7}|\|{7}|>{7})(?:[ \t].*)?$|^={7}[ \t]*$/gm;

/** Each marker line is one hit (range without its line ending). */
export function findConflictMarkers(text: string): GuardHit[] {
  const hits: GuardHit[] = [];
  for (const match of text.matchAll(CONFLICT_MARKER)) {
    // `.` and `$` stop before CR as well as LF, so the range never includes a line ending.
    const start = match.index;
    const end = start + match[0].length;
    const kind = match[0].startsWith('=') ? 'separator' : match[0].startsWith('<') ? 'start' : match[0].startsWith('>') ? 'end' : 'base';
    hits.push({ message: `git merge conflict marker (${kind}): resolve the conflict first`, start, end });
  }
  return hits;
}

const SPACE = 0x20, TAB = 0x09, LF = 0x0a, CR = 0x0d;
const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === LF || c === CR || Number.isNaN(c);

/**
 * Longest run, on one line, of words the `yaml` lexer consumes by recursion: `-`, `?` and
 * `:` followed by a blank, and tags or anchors (`!t`, `&a`; every `!`/`&` in such a word
 * counts, since `!<a>!<b>` chains without spaces). Over-counting is harmless, so quotes and
 * comments are not tracked. Returns the offset where the run passes `limit`, if it does.
 */
export function findIndicatorRun(text: string, limit: number): number | undefined {
  let run = 0;
  let wordIsIndicator = false;
  let atWordStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      run = 0;
      atWordStart = true;
      continue;
    }
    if (c === SPACE || c === TAB || c === CR) {
      atWordStart = true;
      continue;
    }
    if (atWordStart) {
      atWordStart = false;
      if ((c === 0x2d || c === 0x3f || c === 0x3a) && isBlank(text.charCodeAt(i + 1))) {
        wordIsIndicator = true;
        run++;
      } else if (c === 0x21 || c === 0x26) {
        wordIsIndicator = true;
        run++;
      } else {
        wordIsIndicator = false;
        run = 0;
      }
    } else if (wordIsIndicator && (c === 0x21 || c === 0x26)) {
      run++;
    }
    if (run > limit) return i;
  }
  return undefined;
}

// The screen: a few native scans that clean files pass, and that every text some guard above
// refuses (or that holds an explicit or empty key, which fastYaml declines) fails. It only
// proves innocence: a text it flags takes the exact guards, so verdicts and offsets are theirs.
// Why each part suffices (test/unit/guardScreen.test.ts checks it on garbled input):
// - binary: a NUL anywhere, or a control character within checkBinary's sample;
// - conflict markers, explicit and empty keys: `^` of a multiline regex is the start of the
//   text or the place after \n, \r, U+2028 or U+2029, and what follows is `[ \t-]*` then one of
//   `?:<=>|`;
// - an indicator run over the limit (at least 3) starts with 3 increments on one line: if one
//   of the first two is a `!` or `&` another increment follows it, in its word or after blanks;
//   otherwise they are one-character words `-`, `?` or `:` with blanks between them.
const SCREEN_FIRST_LINE = /^[ \t-]*[?:<=>|]/;
const SCREEN_TEXT = /\0|[\n\r\u2028\u2029][ \t-]*[?:<=>|]|[-?:][ \t\r]+[-?:][ \t\r]+[-?:!&]|[!&][^ \t\r\n]*(?:[ \t\r]+[-?:!&]|[!&])/;
// Every control character checkBinary counts (the NUL test is the scan of the whole text).
const SCREEN_SAMPLE = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/**
 * False proves that checkBinary, findConflictMarkers and findIndicatorRun(…, MAX_NESTING) find
 * nothing and that no line starts with `[ \t-]*[?:]` (fastYaml's explicit-key test); true only
 * means the text needs the exact scans. A clean file costs one native scan, and one of its first 8 KB.
 */
export function mayTrip(text: string): boolean {
  // Texts are mostly two-byte strings (’ and “ in quotes), where a search for \0 alone
  // (includes or a regex) stops at the zero high byte of every ASCII character: it is one
  // more alternative of the text scan instead.
  return SCREEN_FIRST_LINE.test(text) || SCREEN_TEXT.test(text) || SCREEN_SAMPLE.test(text.length > SAMPLE ? text.slice(0, SAMPLE) : text);
}

export type GuardVerdict =
  | { kind: 'size' | 'binary'; hit: GuardHit }
  | { kind: 'conflict'; hits: GuardHit[] }
  | { kind: 'nesting'; at: number };

/** The guards in the order parseYaml applies them: the first that refuses the text, if any. */
export function checkGuards(text: string, maxBytes: number): GuardVerdict | undefined {
  const size = checkSize(text, maxBytes);
  if (size) return { kind: 'size', hit: size };
  return mayTrip(text) ? exactGuards(text) : undefined;
}

/** The content guards one after the other, each scanning the whole text (what the screen spares). */
export function exactGuards(text: string): GuardVerdict | undefined {
  const binary = checkBinary(text);
  if (binary) return { kind: 'binary', hit: binary };
  const hits = findConflictMarkers(text);
  if (hits.length > 0) return { kind: 'conflict', hits };
  const at = findIndicatorRun(text, MAX_NESTING);
  return at === undefined ? undefined : { kind: 'nesting', at };
}
