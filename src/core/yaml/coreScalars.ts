/**
 * How the `yaml` package's core schema (schema/core in `yaml`) resolves a plain scalar, tag by
 * tag. Both fast readers follow it — the js-yaml schema of fastYaml.ts and subsetReader.ts — so
 * that they give the values the range-keeping parser gives. Each answers undefined (false for
 * null) when the text is not of its tag.
 */

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
// The number tags, in the order `yaml` tries them.
const OCT = /^0o[0-7]+$/;
const DEC = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

export function isCoreNull(s: string): boolean {
  return NULL.test(s);
}

export function coreBool(s: string): boolean | undefined {
  return TRUE.test(s) ? true : FALSE.test(s) ? false : undefined;
}

export function coreInt(s: string): number | undefined {
  if (OCT.test(s)) return parseInt(s.slice(2), 8);
  if (DEC.test(s)) return parseInt(s, 10);
  if (HEX.test(s)) return parseInt(s.slice(2), 16);
  return undefined;
}

export function coreFloat(s: string): number | undefined {
  if (INF_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s.charCodeAt(0) === 0x2d ? -Infinity : Infinity;
  if (EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return undefined;
}
