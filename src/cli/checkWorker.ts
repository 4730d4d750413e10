/**
 * The worker half of a split `claimbook check` (splitCheck.ts): checks each part it is given,
 * with a fresh index each time, and posts back its facts. It loads its modules while the main
 * thread lists the dataset.
 */
import { parentPort } from 'node:worker_threads';
import { checkDataset, FileCache, partFacts, partOf } from '../core';
import { ListedHost } from './nodeHost';
import type { PartPlan, PartReply } from './splitCheck';

parentPort?.on('message', (plan: PartPlan) => {
  void checkPart(plan).then((reply) => parentPort?.postMessage(reply));
});

async function checkPart(plan: PartPlan): Promise<PartReply> {
  try {
    const host = new ListedHost(plan.root, { files: plan.files, refused: plan.refused, problems: [] });
    const handles = (path: string): boolean => partOf(path, plan.parts) === plan.part;
    const result = await checkDataset(host, { oneShot: true, hints: plan.hints, part: { handles, primary: false } }, new FileCache());
    return { ok: true, facts: partFacts(result, (f) => plan.hints || f.severity !== 'hint') };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
