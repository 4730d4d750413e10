/** What the CLI touches of its process, injected so tests run it in-process. */
export interface Io {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Ends long-running commands (`check --watch`); the process's Ctrl-C does otherwise. */
  signal?: AbortSignal;
}
