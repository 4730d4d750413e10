/** `claimbook stats [DIR]`: counts by actor, commitment, stance and article. */
import { checkDataset, computeStats, type Stats } from '../../core';
import { datasetDir, NodeHost } from '../nodeHost';
import { UsageError, type ParsedArgs } from '../args';
import type { Io } from '../io';
import { inert, inertLineStart, jsonInert } from '../format/inert';

export async function runStats(args: ParsedArgs, io: Io): Promise<number> {
  const format = args.flags.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError('--format must be text or json for stats');
  if (args.positionals.length > 1) throw new UsageError('stats takes one folder');
  const dir = await datasetDir(io.cwd, args.positionals[0]);
  const result = await checkDataset(new NodeHost(dir), { oneShot: true });
  if (result.fatal) {
    io.stderr(`claimbook: ${dir}: ${inert(result.fatal)}\n`);
    return 2;
  }
  const stats = computeStats(result);
  io.stdout(format === 'json' ? `${jsonInert(JSON.stringify(stats, null, 2))}\n` : statsText(stats));
  return 0;
}

function statsText(s: Stats): string {
  const table = (title: string, rows: Record<string, number>) => {
    // Ids and paths come from the dataset: shown inert, and never starting a line as `::`.
    const entries = Object.entries(rows).map(([k, v]) => [inertLineStart(k), v] as const);
    const width = Math.max(title.length, ...entries.map(([k]) => k.length));
    return [`${title}`, ...entries.map(([k, v]) => `  ${k.padEnd(width)}  ${String(v).padStart(4)}`)].join('\n');
  };
  return [
    `${s.claims} claims in ${s.sidecars} sidecars over ${s.articles} articles; ${(s.coverage * 100).toFixed(1)}% of annotated text covered by claims.`,
    table('By stance', s.byStance),
    table('By actor', s.byActor),
    table('By commitment', s.byCommitment),
    table('By article', s.byArticle),
    '',
  ].join('\n\n');
}
