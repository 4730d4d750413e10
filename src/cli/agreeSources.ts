/**
 * Loading the sources of `claimbook agree` (issue 15): each is a whole check of a dataset (a
 * folder or a git revision), and the sources do not depend on each other, so on a machine with
 * four cores or more they are loaded at the same time, one thread per two cores (agreeWorker.ts). A worker
 * sends back plain facts — each article's text and its placed claims — and the main thread
 * rebuilds the text indexes. Whenever a worker cannot be used (one core, no worker script, a
 * worker failure) its sources are loaded on the main thread, so the result never depends on it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkDataset, RULES, sourceFromCheck, TextIndex, type AgreementSource, type CheckResult, type Host, type PlacedClaim, type SeverityOverrides, type SourceArticle } from '../core';
import { GitHost } from './gitHost';
import { NodeHost } from './nodeHost';

/** Where a source is read from: a folder, or a commit of the git work tree `top` (under `prefix`). */
export type SourcePlan = { name: string; dir: string } | { name: string; git: { top: string; prefix: string; commit: string } };

/** A source as it crosses threads: texts instead of text indexes. */
export interface SourceFacts {
  name: string;
  notes: string[];
  articles: Array<{ path: string; text: string; claims: PlacedClaim[]; annotated: boolean; unplaced?: number }>;
}

export type LoadReply = { ok: true; source: SourceFacts } | { ok: true; fatal: string } | { ok: false; error: string };

const RULES_OFF: SeverityOverrides = Object.fromEntries(RULES.map((r) => [r.id, 'off']));

/** A dataset that cannot be compared (no codebook, unreadable): its message names the source. */
export class DatasetError extends Error {
  constructor(
    name: string,
    readonly fatal: string,
  ) {
    super(`${name}: ${fatal}`);
  }
}

/** Checked like `check` does, with the rules off: only the claims and their spans are needed. */
export async function loadChecked(name: string, host: Host): Promise<CheckResult> {
  const result = await checkDataset(host, { oneShot: true, severities: RULES_OFF });
  if (result.fatal) throw new DatasetError(name, result.fatal);
  return result;
}

function hostOf(plan: SourcePlan): Host {
  return 'dir' in plan ? new NodeHost(plan.dir) : new GitHost(plan.git.top, plan.git.prefix, plan.git.commit);
}

export async function loadHere(plan: SourcePlan): Promise<AgreementSource> {
  return sourceFromCheck(plan.name, await loadChecked(plan.name, hostOf(plan)));
}

export function toFacts(source: AgreementSource): SourceFacts {
  const articles = [...source.articles.values()].map((a) => ({ path: a.path, text: a.index.raw, claims: a.claims, annotated: a.annotated, ...(a.unplaced === undefined ? {} : { unplaced: a.unplaced }) }));
  return { name: source.name, notes: source.notes, articles };
}

function fromFacts(facts: SourceFacts): AgreementSource {
  const articles = new Map<string, SourceArticle>();
  for (const a of facts.articles) articles.set(a.path, { path: a.path, index: TextIndex.of(a.text), claims: a.claims, annotated: a.annotated, ...(a.unplaced === undefined ? {} : { unplaced: a.unplaced }) });
  return { name: facts.name, articles, notes: facts.notes };
}

/**
 * The sources in plan order. Thread t of T loads the plans i with i mod T = t; the main thread is
 * thread 0. A fatal dataset throws a DatasetError for the first such source in plan order.
 */
export async function loadSources(plans: readonly SourcePlan[], threadsWanted = defaultThreads()): Promise<AgreementSource[]> {
  const script = path.join(__dirname, 'agreeWorker.js');
  const threads = plans.length < 2 || !fs.existsSync(script) ? 1 : Math.max(1, Math.min(threadsWanted, plans.length));
  const replies: Array<Promise<LoadReply> | undefined> = plans.map(() => undefined);
  const workers: Worker[] = [];
  for (let t = 1; t < threads; t++) {
    const worker = startWorker(script);
    if (!worker) break;
    workers.push(worker);
    // One at a time per worker: the replies come back in the order the plans were posted.
    const mine = plans.flatMap((p, i) => (i % threads === t ? [i] : []));
    const queue = ask(worker, mine.map((i) => plans[i] as SourcePlan));
    mine.forEach((i, k) => (replies[i] = queue.then((all) => all[k] as LoadReply)));
  }
  try {
    // The main thread's own share first, while the workers load theirs; failures are told in plan order.
    const here = new Map<number, { source: AgreementSource } | { error: unknown }>();
    for (const [i, plan] of plans.entries()) {
      if (replies[i]) continue;
      here.set(i, await loadHere(plan).then((source) => ({ source }), (error: unknown) => ({ error })));
    }
    const sources: AgreementSource[] = [];
    for (const [i, plan] of plans.entries()) {
      const reply = replies[i];
      const own = here.get(i);
      if (own) {
        if ('error' in own) throw own.error;
        sources.push(own.source);
        continue;
      }
      const r = await (reply as Promise<LoadReply>);
      if (r.ok && 'source' in r) sources.push(fromFacts(r.source));
      else if (r.ok) throw new DatasetError(plan.name, r.fatal);
      else sources.push(await loadHere(plan)); // the worker failed: the main thread tries, and says why if it cannot
    }
    return sources;
  } finally {
    for (const w of workers) void w.terminate();
  }
}

/**
 * One thread per two cores. A load keeps more than one core busy (V8's garbage collector works
 * beside it), so on two cores two loads at once contend: two sources of M took 2.2–2.7 s from
 * a fresh process with a worker, 1.9–2.4 s one after the other on the main thread.
 */
function defaultThreads(): number {
  return Math.max(1, Math.floor(os.availableParallelism() / 2));
}

function startWorker(script: string): Worker | undefined {
  try {
    return new Worker(script);
  } catch {
    return undefined;
  }
}

/** Every plan's reply; a worker that fails or exits answers the rest with an error. */
function ask(worker: Worker, plans: readonly SourcePlan[]): Promise<LoadReply[]> {
  return new Promise((resolve) => {
    const got: LoadReply[] = [];
    const finish = (): void => {
      worker.off('message', message);
      worker.off('error', failed);
      worker.off('exit', exited);
      resolve(got);
    };
    const message = (reply: LoadReply): void => {
      got.push(reply);
      if (got.length === plans.length) finish();
    };
    const fill = (error: string): void => {
      while (got.length < plans.length) got.push({ ok: false, error });
      finish();
    };
    const failed = (error: Error): void => fill(String(error));
    const exited = (code: number): void => fill(`worker exited with code ${code}`);
    worker.on('message', message);
    worker.on('error', failed);
    worker.on('exit', exited);
    if (plans.length === 0) finish();
    for (const plan of plans) worker.postMessage(plan);
  });
}
