/**
 * The extension's validation path without VS Code: what `ValidationController.run` and
 * `LiveAnchors.applyChange` do on a keystroke, minus the debounce and the Diagnostic
 * conversion. Article edits seed and shift live spans with the core functions LiveAnchors calls
 * (`seedLiveSpans`, `shiftLiveSpans`); every validation goes through `checkDataset` with the
 * session's long-lived cache, as the controller's does.
 */
import { checkDataset, FileCache, indexAfter, LiveSpans, seedLiveSpans, shiftLiveSpans, TextIndex, type CheckOptions, type CheckResult, type LiveSpan } from '../src/core';
import type { MemoryHost } from './memoryHost';

/** What the controller passes as `pause`: a turn of the event loop. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Tracked {
  index: TextIndex;
  saved: string;
  spans: LiveSpans | undefined;
}

export class EditorSession {
  readonly cache = new FileCache();
  private readonly tracked = new Map<string, Tracked>();
  last: CheckResult | undefined;
  /** The longest synchronous stretch of any validation so far (ms): between two pauses, or to the end. */
  longestBlock = 0;

  constructor(readonly host: MemoryHost, private readonly options: CheckOptions = {}) {}

  /**
   * The document is open in an editor (LiveAnchors.track). Only articles are tracked: live
   * spans exist for articles alone, and tracking a sidecar rebuilds its TextIndex on every
   * keystroke for nothing (the controller change proposed with issue 6 stops that).
   */
  open(path: string): void {
    const text = this.host.get(path);
    if (path.endsWith('.yaml')) return;
    this.tracked.set(path, { index: TextIndex.of(text), saved: text, spans: undefined });
  }

  /** One validation; `defer` as the controller passes it for a change (the keystroke path). */
  async validate(defer = false): Promise<CheckResult> {
    const liveSpans = new Map<string, ReadonlyMap<string, LiveSpan>>();
    for (const [path, t] of this.tracked) if (t.spans) liveSpans.set(path, t.spans);
    let since = performance.now();
    const pause = async (): Promise<void> => {
      this.longestBlock = Math.max(this.longestBlock, performance.now() - since);
      await turn();
      since = performance.now();
    };
    this.last = await checkDataset(this.host, { ...this.options, liveSpans, defer, pause }, this.cache);
    this.longestBlock = Math.max(this.longestBlock, performance.now() - since);
    return this.last;
  }

  /** The follow-up validations the controller schedules until no whole-text work waits. */
  async settle(): Promise<number> {
    let rounds = 0;
    while ((this.last?.deferred ?? 0) > 0) {
      await this.validate(true);
      rounds++;
    }
    return rounds;
  }

  /** One content change of an open document: the buffer changes, live spans follow (LiveAnchors.applyChange). */
  change(path: string, offset: number, length: number, inserted: string): void {
    const before = this.host.get(path);
    const after = before.slice(0, offset) + inserted + before.slice(offset + length);
    this.host.set(path, after);
    const tracked = this.tracked.get(path);
    if (!tracked) return;
    const seed = this.last;
    tracked.spans ??= seed && seed.texts.get(path) === tracked.index.raw ? seedLiveSpans(seed, path) : new LiveSpans();
    shiftLiveSpans(tracked.spans, tracked.index, [{ rangeOffset: offset, rangeLength: length, text: inserted }]);
    tracked.index = indexAfter(tracked.index, after, [{ rangeOffset: offset, rangeLength: length, text: inserted }]);
    if (after === tracked.saved) tracked.spans = undefined;
  }
}
