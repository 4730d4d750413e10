/**
 * The only way the core sees files. The CLI implements it over `node:fs`; the extension over
 * open editor buffers first, then `vscode.workspace.fs`. Paths are POSIX, relative to the
 * dataset root (the folder holding `claimbook.yaml`).
 */
export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

export interface Host {
  /** Every file under the root, excluding `node_modules` and `.git`. */
  listFiles(): Promise<string[]>;
  /**
   * What the last `listFiles` could not list (an unreadable folder): reported as
   * `file-unreadable` findings while the rest is checked. Optional.
   */
  listingProblems?(): ReadonlyArray<{ path: string; reason: string }>;
  /**
   * Decoded UTF-8 text. Hosts refuse files over `maxBytes` or not valid UTF-8 with a reason,
   * rather than reading them whole or decoding them into replacement characters.
   */
  readText(path: string, maxBytes: number): Promise<ReadResult>;
  /**
   * SHA-256 of the UTF-8 encoding of `text` as lowercase hex, exactly as the core's
   * `sha256Hex` gives it, done natively (node:crypto). Optional: without it the core hashes in
   * plain TypeScript, several times slower on a dataset's worth of articles.
   */
  sha256Hex?: (text: string) => string;
}

/** VS Code's large-file threshold; also the YAML parse cap of DESIGN §5. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const CODEBOOK_FILE = 'claimbook.yaml';
export const SIDECAR_SUFFIX = '.claims.yaml';
