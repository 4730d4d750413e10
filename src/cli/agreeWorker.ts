/**
 * A thread of `claimbook agree` (agreeSources.ts): loads each source it is sent, in order, and
 * posts back its facts. It loads its modules while the main thread loads its own source.
 */
import { parentPort } from 'node:worker_threads';
import { DatasetError, loadHere, toFacts, type LoadReply, type SourcePlan } from './agreeSources';

// One plan at a time, so the replies keep the order of the plans.
let queue = Promise.resolve();
parentPort?.on('message', (plan: SourcePlan) => {
  queue = queue.then(async () => parentPort?.postMessage(await loadPlan(plan)));
});

async function loadPlan(plan: SourcePlan): Promise<LoadReply> {
  try {
    return { ok: true, source: toFacts(await loadHere(plan)) };
  } catch (error) {
    if (error instanceof DatasetError) return { ok: true, fatal: error.fatal };
    return { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
