/**
 * The node Host for `check --watch`: the listing and every file's text are kept between checks
 * and forgotten path by path as the file watcher reports changes, so a re-check reads only
 * what changed and the dataset index re-checks only what that affects.
 */
import type { Host, ReadResult } from '../core';
import { NodeHost, nodeSha256Hex } from './nodeHost';

export class WatchHost implements Host {
  private readonly disk: NodeHost;
  private listing: Promise<string[]> | undefined;
  private readonly reads = new Map<string, Promise<ReadResult>>();
  readonly sha256Hex = nodeSha256Hex;

  constructor(root: string) {
    this.disk = new NodeHost(root);
  }

  /** A watcher event: the file's text is stale; a created or deleted file also changes the listing. */
  invalidate(path: string | undefined, listing: boolean): void {
    if (path === undefined) {
      // The watcher could not say which file: start over.
      this.reads.clear();
      this.listing = undefined;
      return;
    }
    // A folder event stands for everything under it.
    for (const p of [...this.reads.keys()]) if (p === path || p.startsWith(`${path}/`)) this.reads.delete(p);
    if (listing) this.listing = undefined;
  }

  listFiles(): Promise<string[]> {
    this.listing ??= this.disk.listFiles();
    return this.listing;
  }

  readText(path: string, maxBytes: number): Promise<ReadResult> {
    let r = this.reads.get(path);
    if (!r) this.reads.set(path, (r = this.disk.readText(path, maxBytes)));
    return r;
  }
}
