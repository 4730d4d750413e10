/**
 * `claimbook check` of a large dataset on two cores: a worker thread checks half of the stems
 * while the main thread checks the other half, then `mergeParts` adds the cross-file findings.
 * The result is the one a whole check gives (test/unit/splitCheck.test.ts); whenever the split
 * cannot be used (one core, a small dataset, no worker script, a worker failure, a sidecar
 * naming an article of the other half) the dataset is checked whole on the main thread.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkDataset, CODEBOOK_FILE, FileCache, isSidecarPath, mergeParts, partFacts, partOf, type CheckResult, type Finding, type PartFacts } from '../core';
import { ListedHost, listDataset, NodeHost } from './nodeHost';

/** Below this many sidecars starting a worker (about 0.2 s of loading) costs more than it saves. */
export const MIN_SPLIT_SIDECARS = 64;

const PARTS = 2;

export interface PartPlan {
  root: string;
  files: string[];
  /** The listing's refused paths and why (links outside the root, FIFOs): never read. */
  refused: Array<[string, string]>;
  part: number;
  parts: number;
  hints: boolean;
}

export type PartReply = { ok: true; facts: PartFacts } | { ok: false; error: string };

export interface SplitOptions {
  /** Whether hints will be shown: a part sends back only the findings that will. */
  hints: boolean;
  /** Split whatever the size (tests split small datasets). */
  always?: boolean;
  /** Told why a split check fell back to a whole one. */
  onFallback?: (reason: string) => void;
}

/** Findings of a one-off check of `root`, on two threads when that pays. */
export async function checkSplit(root: string, options: SplitOptions): Promise<CheckResult> {
  const worker = takeWorker();
  const host = new NodeHost(root);
  const whole = (reason: string): Promise<CheckResult> => {
    if (worker) options.onFallback?.(reason);
    return checkDataset(host, { oneShot: true, hints: options.hints }, new FileCache());
  };
  if (!worker) return whole('no worker');
  try {
    const listing = await listDataset(root);
    const files = listing.files;
    if (!files.includes(CODEBOOK_FILE)) return await whole('no codebook');
    if (!options.always && files.filter(isSidecarPath).length < MIN_SPLIT_SIDECARS) return await whole('small dataset');

    const reply = worker.ask({ root, files, refused: listing.refused, part: 1, parts: PARTS, hints: options.hints });
    // The main thread's part is the primary one: it reports the folders that could not be listed.
    const listed = new ListedHost(root, listing);
    const handles = (p: string): boolean => partOf(p, PARTS) === 0;
    const mine = await checkDataset(listed, { oneShot: true, hints: options.hints, part: { handles, primary: true } }, new FileCache());
    // The worker is waited for even then: released while busy, it would answer the next check.
    if (mine.fatal) return await reply.then(() => mine);
    // What the merge needs of this part is gathered while the worker may still be checking.
    const keep = (f: Finding): boolean => options.hints || f.severity !== 'hint';
    const facts = partFacts(mine, keep);
    const order = new Map(files.map((f, i) => [f, i]));
    const theirs = await reply;
    if (!theirs.ok) return await whole(theirs.error);
    const merged = await mergeParts(listed, [facts, theirs.facts], mine.codebook, order);
    if (!merged) return await whole('a sidecar names an article of the other part');
    return { findings: merged.findings, texts: merged.texts, codebook: mine.codebook, sidecars: [], articles: [] };
  } finally {
    worker.release();
  }
}

/**
 * The worker thread, kept between checks of one process (a second check finds it loaded and
 * its code optimised, as the main thread's is) but never keeping the process alive while idle.
 */
class PartWorker {
  private busy = false;
  private broken = false;

  constructor(private readonly thread: Worker) {
    thread.unref();
    // A worker that failed once is not trusted again; the next check starts another.
    thread.on('error', () => (this.broken = true));
    thread.on('exit', () => (this.broken = true));
  }

  /** Failed or exited: not asked again. */
  get failed(): boolean {
    return this.broken;
  }

  get idle(): boolean {
    return !this.busy;
  }

  take(): this {
    this.busy = true;
    this.thread.ref();
    return this;
  }

  release(): void {
    this.busy = false;
    this.thread.unref();
    if (this.broken) void this.thread.terminate();
  }

  /** Checks one part; the reply is an error when the worker fails or exits meanwhile. */
  ask(plan: PartPlan): Promise<PartReply> {
    return new Promise((resolve) => {
      const done = (reply: PartReply): void => {
        this.thread.off('message', done);
        this.thread.off('error', failed);
        this.thread.off('exit', exited);
        resolve(reply);
      };
      const failed = (error: Error): void => done({ ok: false, error: String(error) });
      const exited = (code: number): void => done({ ok: false, error: `worker exited with code ${code}` });
      this.thread.on('message', done);
      this.thread.on('error', failed);
      this.thread.on('exit', exited);
      this.thread.postMessage(plan);
    });
  }
}

let kept: PartWorker | undefined;

/**
 * The idle worker, or a new one (started before the listing so that its loading overlaps it);
 * none on one core, or while another check of this process has it.
 */
function takeWorker(): PartWorker | undefined {
  if (kept && !kept.failed) return kept.idle ? kept.take() : undefined;
  const script = path.join(__dirname, 'checkWorker.js');
  if (os.availableParallelism() < 2 || !fs.existsSync(script)) return undefined;
  try {
    kept = new PartWorker(new Worker(script));
    return kept.take();
  } catch {
    return undefined;
  }
}
