/**
 * `claimbook export [DIR] --format F [-o FILE|DIR] [--filter …] [--include-invalid]`: the dataset
 * in a format other tools read. Output streams (stdout, or a file written atomically through a
 * temporary file); brat writes a folder of files, each atomically.
 */
import { mkdirSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { checkDataset, EXPORT_FORMATS, exportDataset, exportSeverities, newCounts, parseExportFilter, type ExportFilter, type ExportFormat } from '../../core';
import { UsageError, type ParsedArgs } from '../args';
import type { Io } from '../io';
import { datasetDir, NodeHost, writeFileAtomic, writeFileAtomicSync } from '../nodeHost';
import { batched, Progress, utf8Batched } from '../export/progress';

export async function runExport(args: ParsedArgs, io: Io): Promise<number> {
  const format = args.flags.get('format');
  if (typeof format !== 'string') throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}`);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')} for export`);
  if (args.positionals.length > 1) throw new UsageError('export takes one folder');
  const output = args.flags.get('output');
  if (output === true) throw new UsageError('-o needs a file or folder');
  if (format === 'brat' && output === undefined) throw new UsageError('brat writes a folder of files: give it with -o DIR');
  let filter: ExportFilter | undefined;
  const filterText = args.flags.get('filter');
  if (typeof filterText === 'string') {
    const parsed = parseExportFilter(filterText);
    if (!parsed.ok) throw new UsageError(parsed.message);
    filter = parsed.filter;
  }
  const dir = await datasetDir(io.cwd, args.positionals[0]);
  const progress = new Progress(io.stderr);
  // The check is most of an export's time: its pauses between files say it is still going.
  const pause = () => {
    progress.tick(() => 'checking the dataset…');
    return Promise.resolve();
  };
  const result = await checkDataset(new NodeHost(dir), { oneShot: true, pause, severities: exportSeverities() });
  if (result.fatal) {
    io.stderr(`claimbook: ${dir}: ${result.fatal}\n`);
    return 2;
  }
  if (result.codebook && result.codebook.parsed.problems.length > 0) {
    io.stderr(`claimbook: ${result.codebook.path} does not parse; run 'claimbook check' and fix it before exporting\n`);
    return 2;
  }
  const counts = newCounts();
  const out = exportDataset(result, format as ExportFormat, { filter, includeInvalid: args.flags.has('include-invalid') }, counts);
  const say = () => `exporting: ${counts.exported} claims from ${counts.articles} articles so far`;
  const target = output === undefined ? undefined : path.resolve(io.cwd, output);
  if (out.kind === 'stream') {
    const tick = () => progress.tick(say);
    if (target === undefined) for (const piece of batched(out.chunks, 1 << 20, tick)) io.stdout(piece);
    else {
      const stat = await fs.stat(target).catch(() => undefined);
      if (stat?.isDirectory()) throw new UsageError(`${target} is a folder; -o takes a file for --format ${format}`);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await writeFileAtomic(target, utf8Batched(out.chunks, 1 << 20, tick));
    }
  } else {
    const root = target as string;
    const stat = await fs.stat(root).catch(() => undefined);
    if (stat && !stat.isDirectory()) throw new UsageError(`${root} is a file; brat writes a folder`);
    // Two files an article, each folder made once.
    const folders = new Set<string>();
    for (const file of out.files) {
      const to = path.join(root, ...file.path.split('/'));
      const dir = path.dirname(to);
      if (!folders.has(dir)) {
        mkdirSync(dir, { recursive: true });
        folders.add(dir);
      }
      writeFileAtomicSync(to, file.text);
      progress.tick(say);
    }
  }
  const left = [
    counts.invalid > 0 ? `${counts.invalid} claims with errors left out (--include-invalid exports them)` : '',
    counts.filtered > 0 ? `${counts.filtered} claims not matching --filter` : '',
  ].filter(Boolean);
  io.stderr(`claimbook: exported ${counts.exported} claims from ${counts.articles} articles${target ? ` to ${target}` : ''}${left.length > 0 ? `; ${left.join('; ')}` : ''}\n`);
  return 0;
}
