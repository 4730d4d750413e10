/**
 * Stand-ins for the few Node modules the extension imports, in the web build (esbuild.js maps
 * `node:crypto`, `node:child_process` and `node:os` here for platform browser): a web worker
 * extension host (vscode.dev, github.dev) has no processes, no OS user and no node:crypto.
 */
import { sha256Hex } from '../../core';

/** node:crypto's createHash('sha256') on the core's own SHA-256 (same hex as the native one). */
export function createHash(algorithm: string): { update(text: string): unknown; digest(encoding: 'hex'): string } {
  if (algorithm !== 'sha256') throw new Error(`the web build hashes only sha256, not ${algorithm}`);
  const parts: string[] = [];
  const hash = {
    update(text: string) {
      parts.push(text);
      return hash;
    },
    digest: () => sha256Hex(parts.join('')),
  };
  return hash;
}

const noProcesses = (what: string): never => {
  throw new Error(`${what} is not available in the web build of Claimbook (no processes in a browser)`);
};

/** node:child_process: callers (git's user.name for the annotator) already fall back when this throws. */
export function execFile(): never {
  return noProcesses('running git');
}

/** node:os: the OS user name; callers fall back to the `claimbook.annotator` setting or nothing. */
export function userInfo(): never {
  return noProcesses('the operating-system user name');
}
