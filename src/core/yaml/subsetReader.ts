/**
 * A reader for the small, regular YAML our own code writes (sidecars, codebooks): a top-level
 * block mapping; nested block mappings and sequences indented by spaces; one-line plain, single-
 * and double-quoted scalars; one-line flow collections; comments. Anything else —
 * anchors, tags, block scalars, multi-line scalars, odd indentation, unusual characters — is
 * declined (undefined), and the caller takes js-yaml, then the `yaml` package. It is several
 * times faster than js-yaml because it builds values straight from the text, with no events.
 *
 * Whatever it accepts, the `yaml` package reads to the same value without problems, and the
 * guards (guards.ts) pass: the guards no longer run first. test/unit/subsetReader.test.ts
 * checks both on real and mutated files.
 */
import { checkSize, DEFAULT_MAX_BYTES } from './guards';
import { coreBool, coreFloat, coreInt, isCoreNull } from './coreScalars';

/** Collections nested deeper than this are declined; our files need four levels. */
const MAX_DEPTH = 16;
/** YAML limits implicit keys to 1024 characters; longer ones are left to the parsers. */
const MAX_KEY = 1000;
/**
 * guards.ts findIndicatorRun refuses a line with a run of more than 64 indicator words; each
 * step of such a run is a `!` or `&`, or a `-`, `?` or `:` before a blank, so a line with at
 * most 64 of those cannot trip it.
 */
const MAX_INDICATORS = 64;
/**
 * Without `!` and `&`, each step is followed by a blank that is not a step, so a line of at
 * most this many characters holds at most MAX_INDICATORS steps; longer lines are counted.
 */
const LONG_LINE = 2 * MAX_INDICATORS;

/** Thrown inside the reader to decline; one instance, so no stack is captured per decline. */
const DECLINE = new Error('outside the YAML subset');

/** The value of `text` if it lies within the subset, else undefined. Never throws. */
export function readSubset(text: string): { value: unknown } | undefined {
  if (text.length === 0 || checkSize(text, DEFAULT_MAX_BYTES) || !printable(text)) return undefined;
  try {
    return { value: new Reader(text).document() };
  } catch {
    return undefined;
  }
}

/**
 * Characters outside printable YAML, and those printableExactly must look at: CR, `!`, `&`,
 * U+2028/U+2029, surrogates, the BOM, U+FFFE/U+FFFF. Clean text passes in one native scan.
 */
const SUSPECT = /[^\t\n\r \x22-\x25\x27-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;
const LONE_CR = /\r(?!\n)/;

/**
 * Every character is printable YAML that both parsers read alike: no C0 control but TAB and
 * LF (CR only before LF), no DEL or C1 (U+0085 included), no U+2028/U+2029 (line starts for
 * the conflict-marker regex), no BOM, U+FFFE/U+FFFF or lone surrogates. This keeps out every
 * text checkBinary refuses. A text with `!` or `&` has its indicator steps counted on every
 * line here; for the others Reader.nextLine counts them on long lines.
 */
function printable(s: string): boolean {
  if (s.includes('\r') && LONE_CR.test(s)) return false;
  return !SUSPECT.test(s) || printableExactly(s);
}

function printableExactly(s: string): boolean {
  let indicators = 0;
  for (let i = 0, n = s.length; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x7f) {
      if (c >= 0x20) {
        if (c === 0x21 || c === 0x26) {
          if (++indicators > MAX_INDICATORS) return false;
        } else if ((c === 0x2d || c === 0x3a || c === 0x3f) && blankAt(s, i + 1) && ++indicators > MAX_INDICATORS) return false;
      } else if (c === 0x0a) indicators = 0;
      else if (c === 0x0d) {
        if (s.charCodeAt(i + 1) !== 0x0a) return false;
      } else if (c !== 0x09) return false;
    } else if (c < 0xa0) return false;
    else if (c >= 0x2028) {
      if (c <= 0x2029) return false;
      if (c >= 0xd800) {
        if (c <= 0xdbff) {
          const d = s.charCodeAt(i + 1);
          if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
          i++;
        } else if (c <= 0xdfff || c === 0xfeff || c >= 0xfffe) return false;
      }
    }
  }
  return true;
}

/** Whether the line s[from, to) has at most MAX_INDICATORS of `-`, `?`, `:` before a blank. */
function fewSteps(s: string, from: number, to: number): boolean {
  let steps = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if ((c === 0x2d || c === 0x3a || c === 0x3f) && blankAt(s, i + 1) && ++steps > MAX_INDICATORS) return false;
  }
  return true;
}

/** What findIndicatorRun counts as a blank after `-`, `?` or `:` (the text's end included). */
function blankAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || i >= s.length;
}

/**
 * A plain scalar as the `yaml` package's core schema resolves it (coreScalars.ts): null, bool,
 * int (decimal, 0o, 0x), float, string; the first character picks the tags worth trying.
 */
export function resolvePlain(s: string): unknown {
  const n = s.length;
  if (n === 0) return null;
  const c = s.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) {
    let i = 1;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    return i === n ? parseInt(s, 10) : resolveNumber(s);
  }
  switch (c) {
    case 0x7e: // ~
    case 0x6e: // n
    case 0x4e: // N
      return isCoreNull(s) ? null : s;
    case 0x74: // t
    case 0x54: // T
    case 0x66: // f
    case 0x46: // F
      return coreBool(s) ?? s;
    case 0x2b: // +
    case 0x2d: // -
    case 0x2e: // .
      return resolveNumber(s);
  }
  return s;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function resolveNumber(s: string): unknown {
  return coreInt(s) ?? coreFloat(s) ?? s;
}

/** A plain key as `yaml`'s toJS names it: null → "", other scalars String(). */
function plainKey(s: string): string {
  const v = resolvePlain(s);
  return typeof v === 'string' ? v : v === null ? '' : String(v);
}

/** Keys start with a letter, digit, `_` or a non-ASCII character: never an indicator, `.`, `-` or a conflict marker. */
function keyStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c >= 0xa0;
}

/** ASCII characters a plain scalar may start with: not space, not an indicator (`-` is decided apart). */
const PLAIN_FIRST = new Uint8Array(128);
for (let c = 0x21; c < 0x7f; c++) PLAIN_FIRST[c] = '-?:,[]{}#&*!|>\'"%@`'.includes(String.fromCharCode(c)) ? 0 : 1;

/** Whether a plain scalar may start at i: `-` only before a letter, digit or `.` (`-5`, `-.inf`, `-x`). */
function plainStart(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 0x80) return true;
  if (PLAIN_FIRST[c] === 1) return true;
  if (c !== 0x2d) return false;
  const d = s.charCodeAt(i + 1);
  return isDigit(d) || (d >= 0x61 && d <= 0x7a) || (d >= 0x41 && d <= 0x5a) || d === 0x2e;
}

// How plain() treats an ASCII character; everything from U+0080 on is ORDINARY.
const ORDINARY = 0;
const SPACE = 1;
const COLON = 2;
const COMMA = 3;
const CLOSE = 4;
/** Tabs and opening brackets, which our plain scalars never hold. */
const REFUSED = 5;
const PLAIN_KIND = new Uint8Array(128);
PLAIN_KIND[0x20] = SPACE;
PLAIN_KIND[0x3a] = COLON;
PLAIN_KIND[0x2c] = COMMA;
PLAIN_KIND[0x5d] = PLAIN_KIND[0x7d] = CLOSE;
PLAIN_KIND[0x5b] = PLAIN_KIND[0x7b] = PLAIN_KIND[0x09] = REFUSED;

// What ended a plain scalar (Reader.stop).
const AT_EOL = 0;
const AT_COMMENT = 1;
const AT_COLON = 2;
const AT_FLOW = 3;

const hasOwn = Object.prototype.hasOwnProperty;

/** Size of the plain-key cache (a power of two). */
const KEY_SLOTS = 256;

function keySlot(s: string, i: number, column: number): number {
  return (s.charCodeAt(i) * 31 + s.charCodeAt(i + 1) * 7 + column) & (KEY_SLOTS - 1);
}

/** A key that may not be set: repeated, or one the slow path must judge (`__proto__`, merge `<<`). */
function refused(map: Record<string, unknown>, key: string): boolean {
  // Values are never undefined, so an own key always reads as defined; inherited names need hasOwn.
  return key === '__proto__' || key === '<<' || (map[key] !== undefined && hasOwn.call(map, key));
}

/**
 * One pass over the text, line by line. The current content line is described by lineStart,
 * cur (the reading position), end (before its CR LF) and next (the following line); pos is the
 * first line not yet consumed.
 */
class Reader {
  private pos = 0;
  private peeked = -1;
  private indent = -1;
  private lineStart = 0;
  private cur = 0;
  private end = 0;
  private next = 0;
  /** Index of a backslash at or after the last double-quoted scalar's start, or the text length. */
  private backslash = -1;
  /** What ended the last plain scalar, and where. */
  private stop = AT_EOL;
  private stopAt = 0;
  /**
   * Plain keys already read, by a hash of their first two characters and column, with their
   * JS names: a file repeats a few keys thousands of times, each at its own column.
   */
  private readonly rawKeys: (string | undefined)[] = new Array<string | undefined>(KEY_SLOTS);
  private readonly keyNames: string[] = new Array<string>(KEY_SLOTS);
  /** The name knownKey found. */
  private keyName = '';

  constructor(private readonly s: string) {}

  document(): unknown {
    if (this.nextLine() !== 0 || this.isDash()) throw DECLINE;
    const value = this.mapping(0, 1, undefined);
    if (this.nextLine() !== -1) throw DECLINE;
    return value;
  }

  /** Moves to the next content line (skipping blank and comment lines); its indent, or -1 at the end. */
  private nextLine(): number {
    if (this.peeked === this.pos) return this.indent;
    const s = this.s;
    const n = s.length;
    let p = this.pos;
    while (p < n) {
      let i = p;
      while (s.charCodeAt(i) === 0x20) i++;
      let lf = s.indexOf('\n', i);
      if (lf < 0) lf = n;
      let end = lf;
      if (end > i && s.charCodeAt(end - 1) === 0x0d) end--;
      if (lf - p > LONG_LINE && !fewSteps(s, p, lf)) throw DECLINE;
      if (i < end && s.charCodeAt(i) !== 0x23) {
        this.pos = this.peeked = this.lineStart = p;
        this.cur = i;
        this.end = end;
        this.next = lf + 1;
        return (this.indent = i - p);
      }
      p = lf + 1;
    }
    this.pos = this.peeked = n;
    return (this.indent = -1);
  }

  /** The current line holds a block sequence item at cur: `-` then a space or the line end. */
  private isDash(): boolean {
    const i = this.cur;
    return this.s.charCodeAt(i) === 0x2d && (i + 1 === this.end || this.s.charCodeAt(i + 1) === 0x20);
  }

  /** After a node ending at i, only spaces and a comment may remain on the line. */
  private finishLine(i: number): void {
    const s = this.s;
    const end = this.end;
    const from = i;
    while (i < end && s.charCodeAt(i) === 0x20) i++;
    if (i < end && !(i > from && s.charCodeAt(i) === 0x23)) throw DECLINE;
    this.pos = this.next;
  }

  /**
   * A block mapping whose keys are at `column`; the first key is read at cur, unless given
   * (a mapping that starts on a sequence item's line, cur then just after its colon).
   */
  private mapping(column: number, depth: number, first: string | undefined): Record<string, unknown> {
    if (depth > MAX_DEPTH) throw DECLINE;
    const map: Record<string, unknown> = {};
    let key = first ?? this.key();
    // A bit per hash of the names set so far: only a name whose bit is taken is looked up.
    let seen = 0;
    for (;;) {
      const bit = 1 << ((key.charCodeAt(0) + key.length) & 31);
      if ((seen & bit) !== 0 ? refused(map, key) : key === '__proto__' || key === '<<') throw DECLINE;
      seen |= bit;
      map[key] = this.value(column, depth);
      const indent = this.nextLine();
      if (indent < column) return map;
      if (indent > column) throw DECLINE;
      key = this.key();
    }
  }

  /** A block mapping key at cur, up to its `:` (followed by a space or the line end); cur after the colon. */
  private key(): string {
    const s = this.s;
    const i = this.cur;
    const c = s.charCodeAt(i);
    let key: string;
    let colon = this.knownKey(i);
    if (colon >= 0) key = this.keyName;
    else if (c === 0x22 || c === 0x27) {
      key = c === 0x22 ? this.doubleQuoted(i) : this.singleQuoted(i);
      colon = this.cur;
      if (s.charCodeAt(colon) !== 0x3a) throw DECLINE;
    } else {
      if (!keyStart(c)) throw DECLINE;
      const e = this.plain(i, false);
      colon = this.stopAt;
      if (this.stop !== AT_COLON || e !== colon) throw DECLINE;
      key = this.newKey(i, e);
    }
    if (colon - i > MAX_KEY || (colon + 1 < this.end && s.charCodeAt(colon + 1) !== 0x20)) throw DECLINE;
    this.cur = colon + 1;
    return key;
  }

  /** The value after a block key's colon (at cur): on the same line, or a block below, or null. */
  private value(column: number, depth: number): unknown {
    const s = this.s;
    const end = this.end;
    let j = this.cur;
    while (j < end && s.charCodeAt(j) === 0x20) j++;
    if (j === end || s.charCodeAt(j) === 0x23) {
      // key() made sure a space precedes a `#` here.
      this.pos = this.next;
      return this.below(column, depth, true);
    }
    const c = s.charCodeAt(j);
    let v: unknown;
    if (c === 0x22) v = this.doubleQuoted(j);
    else if (c === 0x27) v = this.singleQuoted(j);
    else if (c === 0x5b || c === 0x7b) v = this.flow(j, depth + 1);
    else {
      if (!plainStart(s, j)) throw DECLINE;
      const e = this.plain(j, false);
      if (this.stop === AT_COLON) throw DECLINE;
      v = resolvePlain(s.slice(j, e));
      this.cur = this.stopAt;
    }
    this.finishLine(this.cur);
    return v;
  }

  /**
   * The block under a line that ended without a value: more indented than `column`, or a
   * sequence at `column` itself when it is a mapping's value; null when there is none.
   */
  private below(column: number, depth: number, ofMapping: boolean): unknown {
    const indent = this.nextLine();
    if (indent > column) return this.isDash() ? this.sequence(indent, depth + 1) : this.mapping(indent, depth + 1, undefined);
    if (ofMapping && indent === column && this.isDash()) return this.sequence(indent, depth + 1);
    return null;
  }

  /** A block sequence whose `-` are at `column`; cur is at the first one. */
  private sequence(column: number, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw DECLINE;
    const s = this.s;
    const list: unknown[] = [];
    for (;;) {
      const end = this.end;
      let j = this.cur + 1;
      while (j < end && s.charCodeAt(j) === 0x20) j++;
      if (j === end || s.charCodeAt(j) === 0x23) {
        this.pos = this.next;
        list.push(this.below(column, depth, false));
      } else {
        list.push(this.item(j, depth));
      }
      const indent = this.nextLine();
      if (indent !== column || !this.isDash()) {
        if (indent > column) throw DECLINE;
        return list;
      }
    }
  }

  /** A sequence item's content at j, on the `-` line: a scalar, a flow collection, or a mapping's first key. */
  private item(j: number, depth: number): unknown {
    const s = this.s;
    const c = s.charCodeAt(j);
    if (c === 0x22 || c === 0x27) {
      const v = c === 0x22 ? this.doubleQuoted(j) : this.singleQuoted(j);
      const k = this.cur;
      if (s.charCodeAt(k) === 0x3a && (k + 1 === this.end || s.charCodeAt(k + 1) === 0x20)) {
        if (k - j > MAX_KEY) throw DECLINE;
        this.cur = k + 1;
        return this.mapping(j - this.lineStart, depth + 1, v);
      }
      this.finishLine(k);
      return v;
    }
    if (c === 0x5b || c === 0x7b) {
      const v = this.flow(j, depth + 1);
      this.finishLine(this.cur);
      return v;
    }
    const known = this.knownKey(j);
    if (known >= 0) {
      this.cur = known + 1;
      return this.mapping(j - this.lineStart, depth + 1, this.keyName);
    }
    if (!plainStart(s, j)) throw DECLINE;
    const e = this.plain(j, false);
    if (this.stop === AT_COLON) {
      if (e !== this.stopAt || !keyStart(c) || e - j > MAX_KEY) throw DECLINE;
      this.cur = e + 1;
      return this.mapping(j - this.lineStart, depth + 1, this.newKey(j, e));
    }
    this.finishLine(this.stopAt);
    return resolvePlain(s.slice(j, e));
  }

  /**
   * Scans a plain scalar starting at i (its first character already allowed) and returns its
   * end without trailing spaces. Sets stop/stopAt: the line end, ` #`, `:` before a space or
   * the line end, or (in flow) `,` `]` `}`. Tabs, and brackets a block scalar could confuse,
   * are declined.
   */
  private plain(i: number, flow: boolean): number {
    const s = this.s;
    const end = this.end;
    let last = i;
    for (let j = i; j < end; j++) {
      const c = s.charCodeAt(j);
      const kind = c < 0x80 ? PLAIN_KIND[c] : ORDINARY;
      if (kind === ORDINARY) {
        last = j + 1;
        continue;
      }
      switch (kind) {
        case SPACE:
          if (s.charCodeAt(j + 1) === 0x23) return this.stopped(AT_COMMENT, j, last);
          continue;
        case COLON: {
          const d = s.charCodeAt(j + 1);
          if (j + 1 === end || d === 0x20) return this.stopped(AT_COLON, j, last);
          // In flow, `:` before an indicator ends a key in some readers: declined.
          if (flow && (d === 0x2c || d === 0x5b || d === 0x5d || d === 0x7b || d === 0x7d)) throw DECLINE;
          break;
        }
        case COMMA:
          if (flow) return this.stopped(AT_FLOW, j, last);
          break;
        case CLOSE:
          if (flow) return this.stopped(AT_FLOW, j, last);
          throw DECLINE;
        default:
          throw DECLINE;
      }
      last = j + 1;
    }
    return this.stopped(AT_EOL, end, last);
  }

  /**
   * The colon after a plain key at i that was read before at the same column, or -1 (its name
   * is then in keyName). The key is not scanned again: its characters passed plain() before,
   * and it ends the same way, at a `:` before a space or the line end.
   */
  private knownKey(i: number): number {
    const s = this.s;
    const slot = keySlot(s, i, i - this.lineStart);
    const raw = this.rawKeys[slot];
    if (raw === undefined || !s.startsWith(raw, i)) return -1;
    const colon = i + raw.length;
    if (s.charCodeAt(colon) !== 0x3a || (colon + 1 < this.end && s.charCodeAt(colon + 1) !== 0x20)) return -1;
    this.keyName = this.keyNames[slot] as string;
    return colon;
  }

  /** The JS name of the plain key s[i, e), remembered for knownKey. */
  private newKey(i: number, e: number): string {
    const raw = this.s.slice(i, e);
    const name = plainKey(raw);
    const slot = keySlot(this.s, i, i - this.lineStart);
    this.rawKeys[slot] = raw;
    this.keyNames[slot] = name;
    return name;
  }

  private stopped(stop: number, at: number, last: number): number {
    this.stop = stop;
    this.stopAt = at;
    return last;
  }

  /** A one-line double-quoted scalar at i; cur after its closing quote. */
  private doubleQuoted(i: number): string {
    const s = this.s;
    const from = i + 1;
    if (this.backslash < from) {
      const b = s.indexOf('\\', from);
      this.backslash = b < 0 ? s.length : b;
    }
    const close = s.indexOf('"', from);
    if (close >= 0 && close < this.backslash) {
      if (close >= this.end) throw DECLINE;
      this.cur = close + 1;
      return s.slice(from, close);
    }
    return this.escaped(from);
  }

  /** The rest of a double-quoted scalar that holds escapes, decoded as YAML 1.2 does. */
  private escaped(from: number): string {
    const s = this.s;
    const end = this.end;
    let out = '';
    let run = from;
    let j = from;
    while (j < end) {
      const c = s.charCodeAt(j);
      if (c === 0x22) {
        this.cur = j + 1;
        return out + s.slice(run, j);
      }
      if (c !== 0x5c) {
        j++;
        continue;
      }
      // An escaped line break would continue the scalar on the next line: declined.
      if (j + 1 >= end) throw DECLINE;
      out += s.slice(run, j);
      const e = s.charCodeAt(j + 1);
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        j += 2;
      } else {
        const digits = e === 0x78 ? 2 : e === 0x75 ? 4 : e === 0x55 ? 8 : 0;
        if (digits === 0 || j + 2 + digits > end) throw DECLINE;
        let code = 0;
        for (let k = j + 2; k < j + 2 + digits; k++) {
          const h = hexValue(s.charCodeAt(k));
          if (h < 0) throw DECLINE;
          code = code * 16 + h;
        }
        if (code > 0x10ffff) throw DECLINE;
        out += String.fromCodePoint(code);
        j += 2 + digits;
      }
      run = j;
    }
    throw DECLINE;
  }

  /** A one-line single-quoted scalar at i (`''` is a quote); cur after its closing quote. */
  private singleQuoted(i: number): string {
    const s = this.s;
    let from = i + 1;
    let out = '';
    for (;;) {
      const q = s.indexOf("'", from);
      if (q < 0 || q >= this.end) throw DECLINE;
      if (s.charCodeAt(q + 1) !== 0x27) {
        this.cur = q + 1;
        return out + s.slice(from, q);
      }
      out += s.slice(from, q + 1);
      from = q + 2;
    }
  }

  /** A one-line flow sequence or mapping at i; cur after its closing bracket. */
  private flow(i: number, depth: number): unknown {
    if (depth > MAX_DEPTH) throw DECLINE;
    const s = this.s;
    const isMap = s.charCodeAt(i) === 0x7b;
    const close = isMap ? 0x7d : 0x5d;
    const map: Record<string, unknown> = {};
    const list: unknown[] = [];
    let j = this.skipSpaces(i + 1);
    if (s.charCodeAt(j) === close) {
      this.cur = j + 1;
      return isMap ? map : list;
    }
    for (;;) {
      if (isMap) {
        const key = this.flowKey(j);
        if (refused(map, key)) throw DECLINE;
        map[key] = this.flowNode(this.skipSpaces(this.cur), depth);
      } else {
        list.push(this.flowNode(j, depth));
      }
      j = this.skipSpaces(this.cur);
      const c = s.charCodeAt(j);
      if (c === close) {
        this.cur = j + 1;
        return isMap ? map : list;
      }
      if (c !== 0x2c) throw DECLINE;
      j = this.skipSpaces(j + 1);
      // A trailing comma is valid YAML, but not ours.
      if (s.charCodeAt(j) === close) throw DECLINE;
    }
  }

  private skipSpaces(j: number): number {
    const s = this.s;
    while (j < this.end && s.charCodeAt(j) === 0x20) j++;
    return j;
  }

  /** A flow mapping key at j and its `: `; cur after the colon. */
  private flowKey(j: number): string {
    const s = this.s;
    const c = s.charCodeAt(j);
    let key: string;
    let colon: number;
    if (c === 0x22 || c === 0x27) {
      key = c === 0x22 ? this.doubleQuoted(j) : this.singleQuoted(j);
      colon = this.cur;
      if (s.charCodeAt(colon) !== 0x3a) throw DECLINE;
    } else {
      if (j >= this.end || !keyStart(c)) throw DECLINE;
      const e = this.plain(j, true);
      colon = this.stopAt;
      if (this.stop !== AT_COLON || e !== colon) throw DECLINE;
      key = plainKey(s.slice(j, e));
    }
    if (colon - j > MAX_KEY || colon + 1 >= this.end || s.charCodeAt(colon + 1) !== 0x20) throw DECLINE;
    this.cur = colon + 1;
    return key;
  }

  /** A node inside a flow collection at j (a scalar, or a flow collection one level deeper); cur after it. */
  private flowNode(j: number, depth: number): unknown {
    const s = this.s;
    if (j >= this.end) throw DECLINE;
    const c = s.charCodeAt(j);
    if (c === 0x22) return this.doubleQuoted(j);
    if (c === 0x27) return this.singleQuoted(j);
    if (c === 0x5b || c === 0x7b) return this.flow(j, depth + 1);
    if (!plainStart(s, j)) throw DECLINE;
    const e = this.plain(j, true);
    if (this.stop !== AT_FLOW) throw DECLINE;
    this.cur = this.stopAt;
    return resolvePlain(s.slice(j, e));
  }
}

/** YAML's one-character escapes, by the character after the backslash. */
const ESCAPES: Record<number, string> = {
  0x30: '\0',
  0x61: '\x07',
  0x62: '\b',
  0x65: '\x1b',
  0x66: '\f',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
  0x09: '\t',
  0x76: '\v',
  0x4e: '\u0085',
  0x5f: '\u00a0',
  0x4c: '\u2028',
  0x50: '\u2029',
  0x20: ' ',
  0x22: '"',
  0x2f: '/',
  0x5c: '\\',
};

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}
