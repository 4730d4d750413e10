/**
 * Claim spans that follow an article while it is edited (DESIGN §2), as pure functions so the
 * extension and the benchmark run the same code: seed them from a check, shift them by each
 * change's exact delta.
 */
import { shiftSpan } from '../anchor';
import { TextIndex } from '../text/textIndex';
import { trimChange } from '../text/trimChange';
import type { CheckResult } from './check';
import type { LiveSpan } from './anchorClaims';

/** A replacement in raw UTF-16 offsets, as editors report it. */
export interface RawChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/**
 * The live spans of one article by claim id. The editor moves spans in place; setting or
 * removing one changes `version`, so that the dataset index may keep a sidecar's spans by claim
 * position (no lookup per claim per keystroke) for as long as the version stays.
 */
export class LiveSpans extends Map<string, LiveSpan> {
  version = 0;

  override set(id: string, span: LiveSpan): this {
    this.version++;
    return super.set(id, span);
  }

  override delete(id: string): boolean {
    this.version++;
    return super.delete(id);
  }

  override clear(): void {
    this.version++;
    super.clear();
  }
}

/** Spans by claim id for one article, from the anchors a check found (searched ones stay out). */
export function seedLiveSpans(result: CheckResult, articlePath: string): LiveSpans {
  const spans = new LiveSpans();
  for (const ctx of result.sidecars) {
    if (ctx.article?.path !== articlePath) continue;
    for (const { claim, anchor } of ctx.claims) {
      if (claim.id === undefined || !anchor) continue;
      if (anchor.status === 'exact' || anchor.status === 'moved') spans.set(claim.id, { start: anchor.start, end: anchor.end, touched: false });
      else if (anchor.status === 'mismatch') spans.set(claim.id, { start: anchor.start, end: anchor.end, touched: true });
    }
  }
  return spans;
}

/**
 * Shifts every span by the changes, applied one after another (each against the result of the
 * previous, as VS Code reports them), starting from the text `before`.
 */
export function shiftLiveSpans(spans: ReadonlyMap<string, LiveSpan>, before: TextIndex, changes: readonly RawChange[]): void {
  let index = before;
  changes.forEach((change, i) => {
    const raw = index.raw;
    const { offset, length, text } = trimChange(raw, change.rangeOffset, change.rangeLength, change.text);
    const start = index.rawToCp(offset);
    const end = index.rawToCp(offset + length);
    const newLength = [...text.replace(/\r\n?/g, '\n')].length;
    const delta = newLength - (end - start);
    // In place (spans are the caller's, and the index copies what it keeps): a keystroke in a
    // long article moves thousands of spans, and a new object for each showed in the pauses.
    // forEach, not for…of: the Map's iterator made an object per span (5,000 per keystroke).
    spans.forEach((span) => {
      if (span.end < start || (span.end === start && end > start)) return; // wholly before
      if (span.start > end || (span.start === end && end > start) || (span.start === start && start === end)) {
        span.start += delta;
        span.end += delta;
        return;
      }
      const shifted = shiftSpan(span, { start, end, newLength });
      span.start = shifted.start;
      span.end = shifted.end;
      span.touched ||= shifted.touched;
      // Counted even when the text inside stayed (an edge of the span): its anchor is found again.
      span.edits = (span.edits ?? 0) + 1;
    });
    if (i < changes.length - 1) index = TextIndex.of(raw.slice(0, change.rangeOffset) + change.text + raw.slice(change.rangeOffset + change.rangeLength));
  });
}

/** The index of `after`, the text `before` became through `changes` (without a scan when it stays plain). */
export function indexAfter(before: TextIndex, after: string, changes: readonly RawChange[]): TextIndex {
  return TextIndex.edited(before, after, changes.map((c) => c.text));
}
