/**
 * `claimbook agree`: inter-annotator agreement between dataset folders, git revisions of one
 * dataset, or the annotators of one dataset (issue 15). Each source is loaded and anchored like
 * `check` does, with the rules off (only the claims and their spans are needed); the measures
 * are the core's (src/core/agreement).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  checkDataset,
  computeAgreement,
  LABEL_KINDS,
  pairArticles,
  RULES,
  sourceFromCheck,
  sourcesByAnnotator,
  type AgreementSource,
  type CheckResult,
  type Host,
  type LabelKind,
  type SeverityOverrides,
} from '../../core';
import { datasetDir, NodeHost } from '../nodeHost';
import { GitHost, gitLocation, resolveRevision } from '../gitHost';
import { UsageError, type ParsedArgs } from '../args';
import type { Io } from '../io';
import { formatAgreementText, number } from '../format/agreeText';
import { formatAgreementCsv } from '../format/agreeCsv';
import { formatAgreementHtml } from '../format/agreeHtml';
import { printable } from '../format/printable';

const FORMATS = ['text', 'json', 'csv'];
const RULES_OFF: SeverityOverrides = Object.fromEntries(RULES.map((r) => [r.id, 'off']));

class DatasetError extends Error {}

async function load(name: string, host: Host): Promise<CheckResult> {
  const result = await checkDataset(host, { oneShot: true, severities: RULES_OFF });
  if (result.fatal) throw new DatasetError(`${name}: ${result.fatal}`);
  return result;
}

export async function runAgree(args: ParsedArgs, io: Io): Promise<number> {
  const format = (args.flags.get('format') ?? 'text') as string;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} for agree`);
  const label = (args.flags.get('label') ?? 'commitment') as string;
  if (!(LABEL_KINDS as readonly string[]).includes(label)) throw new UsageError(`--label must be one of ${LABEL_KINDS.join(', ')}`);
  const minAlphaFlag = args.flags.get('min-alpha');
  const minAlpha = minAlphaFlag === undefined ? undefined : Number(minAlphaFlag);
  if (minAlpha !== undefined && (typeof minAlphaFlag !== 'string' || minAlphaFlag.trim() === '' || !Number.isFinite(minAlpha) || minAlpha > 1))
    throw new UsageError('--min-alpha needs a number of at most 1');
  const report = args.flags.get('report');
  if (report !== undefined && typeof report !== 'string') throw new UsageError('--report needs a file name');
  const revs = args.repeated?.get('rev') ?? [];
  const byAnnotator = args.flags.has('by-annotator');

  let sources: AgreementSource[];
  const notes: string[] = [];
  try {
    if (revs.length > 0) {
      if (byAnnotator) throw new UsageError('--rev and --by-annotator do not go together');
      if (revs.length < 2) throw new UsageError('--rev needs at least two revisions (--rev A --rev B)');
      if (args.positionals.length > 1) throw new UsageError('with --rev, agree takes one folder');
      const dir = await datasetDir(io.cwd, args.positionals[0]);
      const { top, prefix } = gitLocation(dir);
      sources = [];
      for (const rev of revs) sources.push(sourceFromCheck(rev, await load(rev, new GitHost(top, prefix, resolveRevision(top, rev)))));
    } else if (byAnnotator) {
      if (args.positionals.length > 1) throw new UsageError('with --by-annotator, agree takes one folder');
      const dir = await datasetDir(io.cwd, args.positionals[0]);
      const split = sourcesByAnnotator(await load(dir, new NodeHost(dir)));
      if (split.sources.length < 2) throw new DatasetError(`${dir}: --by-annotator needs claims of at least two annotators (found ${split.sources.length})`);
      sources = split.sources;
      notes.push(...split.notes);
    } else {
      if (args.positionals.length < 2) throw new UsageError('agree needs two dataset folders or more, --rev A --rev B, or --by-annotator');
      sources = [];
      const names = uniqueNames(args.positionals);
      for (const [i, arg] of args.positionals.entries()) {
        const dir = await datasetDir(io.cwd, arg);
        sources.push(sourceFromCheck(names[i] as string, await load(names[i] as string, new NodeHost(dir))));
      }
    }
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    io.stderr(`claimbook: ${printable(error.message)}\n`);
    return 2;
  }

  const pairing = pairArticles(sources, { everySource: byAnnotator });
  pairing.notes.unshift(...notes);
  const result = computeAgreement(pairing, label as LabelKind);
  io.stdout(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : format === 'csv' ? formatAgreementCsv(result) : formatAgreementText(result));
  if (report !== undefined) {
    const file = path.resolve(io.cwd, report);
    await fs.writeFile(file, formatAgreementHtml(result, pairing, label as LabelKind), 'utf8');
    io.stderr(`claimbook: report written to ${file}\n`);
  }
  if (minAlpha !== undefined) {
    const alpha = result.overall.alpha_u;
    if (alpha === null || alpha < minAlpha) {
      io.stderr(`claimbook: overall alpha_u ${number(alpha)} is ${alpha === null ? 'undefined' : 'below'} --min-alpha ${minAlpha}\n`);
      return 1;
    }
  }
  return 0;
}

/** Folder arguments as typed; the same one twice gets a number so the sources stay apart. */
function uniqueNames(args: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return args.map((a) => {
    const n = (seen.get(a) ?? 0) + 1;
    seen.set(a, n);
    return n === 1 ? a : `${a} (${n})`;
  });
}
