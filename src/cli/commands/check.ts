/** `claimbook check [DIR]`: validate, print findings, optionally apply safe fixes. */
import * as path from 'node:path';
import { applyFixes, checkDataset, FileCache, type CheckResult, type Fix } from '../../core';
import { datasetDir, NodeHost, replaceFileAtomic } from '../nodeHost';
import { locate, type LocatedFinding } from '../format/locate';
import { formatText } from '../format/text';
import { formatJson } from '../format/json';
import { formatSarif } from '../format/sarif';
import { formatGithub } from '../format/github';
import { UsageError, type ParsedArgs } from '../args';
import { runWatch } from './watch';
import { checkSplit } from '../splitCheck';
import type { Io } from '../io';
import { inert } from '../format/inert';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

/** Fix passes: one fix can enable another (a moved anchor, then the stale hash). */
const MAX_FIX_PASSES = 5;

export async function runCheck(args: ParsedArgs, io: Io, version: string): Promise<number> {
  const format = (args.flags.get('format') ?? 'text') as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${format}'`);
  const maxWarningsFlag = args.flags.get('max-warnings');
  // Digits only: Number() would also take '', ' 3', '0x10', '1e3' and 'Infinity'.
  if (typeof maxWarningsFlag === 'string' && !/^[0-9]+$/.test(maxWarningsFlag)) throw new UsageError(`--max-warnings needs a whole number of at least 0, not '${maxWarningsFlag}'`);
  const maxWarnings = maxWarningsFlag === undefined ? Infinity : Number(maxWarningsFlag);
  if (args.positionals.length > 1) throw new UsageError('check takes one folder');
  const dir = await datasetDir(io.cwd, args.positionals[0]);
  if (args.flags.has('watch')) {
    if (args.flags.has('fix')) throw new UsageError('--watch and --fix do not go together');
    if (format !== 'text' && format !== 'json') throw new UsageError('--watch prints text or json');
    return runWatch(dir, io, format, args.flags.has('hints'));
  }
  const host = new NodeHost(dir);
  const cache = new FileCache();

  // Without --fix nothing checks again: one pass, split across two cores when the dataset is large.
  const hints = args.flags.has('hints');
  let result = args.flags.has('fix') ? await checkDataset(host, { hints }, cache) : await checkSplit(dir, { hints });
  if (result.fatal) {
    io.stderr(`claimbook: ${dir}: ${inert(result.fatal)}\n`);
    return 2;
  }
  if (args.flags.has('fix')) {
    let fixed = 0;
    const touched = new Set<string>();
    const refused = new Map<string, string>();
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const applied = await applySafeFixes(result, dir, touched, refused);
      if (applied === 0) break;
      fixed += applied;
      result = await checkDataset(host, { hints }, cache);
    }
    // A file not written keeps its findings in the report below; this says why it was not fixed.
    for (const [file, reason] of refused) io.stderr(`claimbook: ${inert(file)} not fixed: ${reason}\n`);
    io.stderr(`Fixed ${fixed} problem${fixed === 1 ? '' : 's'} in ${touched.size} file${touched.size === 1 ? '' : 's'}.\n`);
  }

  const shown = result.findings.filter((f) => f.severity !== 'hint' || hints);
  const located = locate(shown, result.texts);
  io.stdout(render(format as Format, located, version, args.positionals[0] ?? '.'));
  const errors = shown.filter((f) => f.severity === 'error').length;
  const warnings = shown.filter((f) => f.severity === 'warning').length;
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}

function render(format: Format, findings: LocatedFinding[], version: string, root: string): string {
  switch (format) {
    case 'json':
      return formatJson(findings);
    case 'sarif':
      return formatSarif(findings, version);
    case 'github':
      return formatGithub(findings, root === '.' ? '' : root);
    default:
      return formatText(findings);
  }
}

/** Applies every safe fix, file by file; returns how many fixes were applied. */
async function applySafeFixes(result: CheckResult, dir: string, touched: Set<string>, refused: Map<string, string>): Promise<number> {
  const byFile = new Map<string, Fix[]>();
  for (const f of result.findings) {
    for (const fix of f.fixes ?? []) if (fix.safe) byFile.set(fix.file, [...(byFile.get(fix.file) ?? []), fix]);
  }
  let applied = 0;
  for (const [file, fixes] of byFile) {
    const text = result.texts.get(file);
    if (text === undefined || refused.has(file)) continue;
    const out = applyFixes(text, fixes);
    if (out.applied === 0 || out.text === text) continue;
    const written = await replaceFileAtomic(path.join(dir, ...file.split('/')), out.text, text);
    if (!written.written) {
      refused.set(file, written.reason);
      continue;
    }
    touched.add(file);
    applied += out.applied;
  }
  return applied;
}
