/** Progress on stderr for work that takes over a second: at most one line a second, none for quick runs. */
export class Progress {
  private readonly started: number;
  private last = 0;

  /** `now` is injectable so a test can drive the clock. */
  constructor(
    private readonly write: (text: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** Says `text` when the work has run for over a second and the last line is a second old. */
  tick(text: () => string): void {
    const now = this.now();
    if (now - this.started < 1000 || now - this.last < 1000) return;
    this.last = now;
    this.write(`claimbook: ${text()}\n`);
  }
}

/** Joins small pieces into writes of about `size` characters: one system call per piece would cost more than the export. */
export function* batched(chunks: Iterable<string>, size = 1 << 20, each?: () => void): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    parts.push(chunk);
    length += chunk.length;
    each?.();
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}

/**
 * The same pieces as UTF-8 writes of about `size` bytes, encoded straight into each write's
 * buffer: joining them first copied every piece once more (50 MB for a W3C export of dataset M).
 */
export function* utf8Batched(chunks: Iterable<string>, size = 1 << 20, each?: () => void): Generator<Uint8Array> {
  let buffer = Buffer.allocUnsafe(size);
  let used = 0;
  for (const chunk of chunks) {
    each?.();
    // A UTF-16 unit takes at most 3 bytes of UTF-8 (a surrogate pair 4 for 2 units).
    if (used + chunk.length * 3 > buffer.length) {
      if (used > 0) yield buffer.subarray(0, used);
      buffer = Buffer.allocUnsafe(Math.max(size, chunk.length * 3));
      used = 0;
    }
    used += buffer.write(chunk, used, 'utf8');
    if (used >= size) {
      yield buffer.subarray(0, used);
      buffer = Buffer.allocUnsafe(size);
      used = 0;
    }
  }
  if (used > 0) yield buffer.subarray(0, used);
}
