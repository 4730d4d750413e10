/**
 * Narrows a replacement to what really changed: a revert or a formatter may replace the whole
 * text, which would otherwise mark every claim as edited.
 */
export function trimChange(raw: string, offset: number, length: number, text: string): { offset: number; length: number; text: string } {
  const old = raw.slice(offset, offset + length);
  let head = 0;
  const max = Math.min(old.length, text.length);
  while (head < max && old.charCodeAt(head) === text.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < max - head && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  // Never split a surrogate pair or a CRLF: code point conversion needs whole characters.
  while (head > 0 && /[\uD800-\uDBFF\r]/.test(old[head - 1] as string)) head--;
  while (tail > 0 && /[\uDC00-\uDFFF\n]/.test(old[old.length - tail] as string)) tail--;
  return { offset: offset + head, length: old.length - head - tail, text: text.slice(head, text.length - tail) };
}
