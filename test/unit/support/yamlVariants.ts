/**
 * Generated and mutated YAML for the fast-path property test (issue 13): a real file re-written
 * line by line in the styles YAML allows and our readers must agree on — quoting and escapes,
 * line endings (CRLF, lone CR, mixed), a BOM, document markers, directives, tabs, anchors,
 * aliases, tags, odd indents, U+2028/U+0085 — then edited at random, valid or not.
 */
import { pick } from './random';

type Rand = (n: number) => number;

const ESCAPES = ['\\x41', '\\u00e9', '\\U0001F600', '\\U00110000', '\\U0010FFFF', '\\t', '\\n', '\\/', '\\_', '\\N', '\\L', '\\P', '\\e', '\\0', '\\ ', '\\"', '\\\\', '\\ud800', '\\q', '\\x4', '\\\n  '];
const ODD = ['\u2028', '\u2029', '\u0085', '\t', '\r', '\r\n', '\uFEFF', '\u00a0', '#', ' #', ': ', '- ', '"', "'", '\\', '%', '@', '`', '|', '>', '&a', '*a', '!!str', '!x', '{', '}', '[', ']', ',', '?', '~', '...', '---', '😀', '\ud800', 'null', '0x1F', '1e3', '.inf', '0o7', '+1', '-0'];
const PIECES = [...ODD, '\n', '\n\n', '  ', 'x', '__proto__: 1\n', '|\n  x\n', '>-\n  a\n  b\n', '? k\n: v\n', '%YAML 1.2\n---\n', '%FOO bar\n---\n', '\n...\n', '\n---\n', '\n...\n...\n', 'a: &x 1\nb: *x\n', '!!map\n', '- a\n- b\n'];

/** One line `  key: value`, split into its parts (value without a trailing comment). */
const PAIR = /^( *)((?:- )?)([A-Za-z0-9_-]+):(?: (.*))?$/;

/** A quoted or plain rendering of a scalar value that means the same, or nearly (escapes vary it). */
function requote(value: string, rand: Rand): string {
  const bare = /^"(.*)"$/.exec(value)?.[1] ?? value;
  if (/[[\]{}]/.test(value) && rand(2) === 0) return value; // a flow collection, left as written
  switch (rand(9)) {
    case 0:
      return `'${bare.replace(/'/g, "''")}'`;
    case 1:
      return `"${bare.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    case 2: {
      const at = rand(bare.length + 1);
      return `"${bare.slice(0, at)}${pick(rand, ESCAPES)}${bare.slice(at)}"`;
    }
    case 3: {
      const at = rand(bare.length + 1);
      return `${bare.slice(0, at)}${pick(rand, ODD)}${bare.slice(at)}`;
    }
    case 4:
      return `${pick(rand, ['&a ', '!!str ', '!x ', '&b !!str ', '!<tag:yaml.org,2002:str> '])}${value}`;
    default:
      return value;
  }
}

const BREAKS = ['\n', '\r\n', '\r', '\u2028', '\u0085'];

/** `base` re-written in random styles, line by line, then edited 0–3 times. */
export function variant(base: string, rand: Rand): string {
  const lines = base.split('\n');
  // How many lines are re-written: none, a few, or many (each one may make the file unreadable).
  const density = pick(rand, [0, 1, 2, 4, 10]);
  // Odd indents: every nested line moved by the same amount keeps the structure.
  const shift = rand(5) === 0 ? pick(rand, [-1, 1, 2]) : 0;
  const out: string[] = [];
  for (const line of lines) {
    let l = line;
    const m = PAIR.exec(l);
    if (m && rand(40) < density) {
      const [, lead = '', dash, key, value] = m;
      const spaces = ' '.repeat(lead.length > 0 ? lead.length + shift : 0);
      const gap = rand(8) === 0 ? pick(rand, ['\t', ' \t', '  ']) : ' ';
      const v = value === undefined ? '' : gap + requote(value, rand);
      const comment = rand(10) === 0 ? pick(rand, [' # c', '\t# c', '#c']) : '';
      l = `${rand(12) === 0 ? '\t' : spaces}${dash}${key}:${v}${comment}`;
    } else if (shift !== 0 && /^ /.test(l)) {
      l = ' '.repeat(l.length - l.trimStart().length + shift) + l.trimStart();
    }
    if (rand(100) < density) l += pick(rand, [' ', '\t', '\u2028', '\u0085', '\u00a0']);
    out.push(l);
  }
  // Line endings: one style for the file, or mixed line by line.
  const mixed = rand(8) === 0;
  const eol = rand(3) === 0 ? pick(rand, ['\r\n', '\r\n', '\r', ...BREAKS]) : '\n';
  let text = out.map((l, i) => (i === out.length - 1 ? l : l + (mixed ? pick(rand, BREAKS) : eol))).join('');
  if (rand(10) === 0) text = pick(rand, ['%YAML 1.2\n---\n', '%FOO bar\n---\n', '---\n', '--- # doc\n', '...\n', '%TAG ! tag:x,2000:\n---\n', '# lead\n']) + text;
  if (rand(10) === 0) text += pick(rand, ['...\n', '\n...\n...\n', '\n---\n', '\n...\n# after\n', '\n---\nb: 1\n', '\r', '\n\n']);
  if (rand(25) === 0) text = '\uFEFF' + text;
  for (let n = rand(2) * rand(4); n > 0; n--) text = edit(text, rand);
  return text;
}

/** One edit: a piece inserted, a stretch deleted, a line doubled, or a value replaced. */
function edit(text: string, rand: Rand): string {
  const at = rand(text.length + 1);
  switch (rand(4)) {
    case 0:
      return text.slice(0, at) + pick(rand, PIECES) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + rand(6));
    case 2: {
      const start = text.lastIndexOf('\n', at - 1) + 1;
      const end = text.indexOf('\n', at);
      const line = text.slice(start, end < 0 ? text.length : end + 1);
      return text.slice(0, start) + line + line + text.slice(start + line.length);
    }
    default: {
      const colon = text.indexOf(': ', at);
      if (colon < 0) return text;
      const eol = text.indexOf('\n', colon);
      return text.slice(0, colon + 2) + pick(rand, ODD) + text.slice(eol < 0 ? text.length : eol);
    }
  }
}
