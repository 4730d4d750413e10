/**
 * How `fmt` writes a string: plain when YAML reads the plain text back as the same string (so
 * hand-written `note: EU plan (Readiness 2030)` and hashes stay as they are), else double-quoted
 * with JSON's escapes (a subset of YAML's). Quote texts are always double-quoted.
 */
import { resolvePlain } from '../yaml/subsetReader';

// Plain only from a letter or digit on, and without double quotes inside (they read better quoted).
const FIRST_SAFE = /^[\p{L}\p{N}]/u;
// Flow indicators are excluded everywhere: the same text may be written inside `{ … }`.
const UNSAFE = /: |:$| #|[,[\]{}"]|[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]|\s$/;

export function plainSafe(s: string): boolean {
  if (s === '' || s.length > 200 || !FIRST_SAFE.test(s) || UNSAFE.test(s)) return false;
  return resolvePlain(s) === s;
}

export function stringText(s: string, double: boolean): string {
  return !double && plainSafe(s) ? s : JSON.stringify(s);
}
