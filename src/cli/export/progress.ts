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
