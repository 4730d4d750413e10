/**
 * `claimbook fmt [DIR] [--check]`: every sidecar in canonical form (DESIGN §1.2). A file that
 * does not parse or holds conflict markers is never rewritten: its problems are printed as
 * findings and the exit code is 1, while the other files are still formatted.
 */
import * as path from 'node:path';
import { formatSidecar, type Finding } from '../../core';
import { locate } from '../format/locate';
import { datasetDir, NodeHost, replaceFileAtomic } from '../nodeHost';
import { UsageError, type ParsedArgs } from '../args';
import type { Io } from '../io';

const MAX_BYTES = 20 * 1024 * 1024;

export async function runFmt(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length > 1) throw new UsageError('fmt takes one folder');
  const dir = await datasetDir(io.cwd, args.positionals[0]);
  const check = args.flags.has('check');
  const host = new NodeHost(dir);
  const files = (await host.listFiles()).filter((f) => f.endsWith('.claims.yaml'));
  const refusals: Finding[] = [];
  const texts = new Map<string, string>();
  const changed: string[] = [];
  for (const file of files) {
    const read = await host.readText(file, MAX_BYTES);
    if (!read.ok) {
      refusals.push({ rule: 'file-unreadable', severity: 'error', message: `cannot read: ${read.reason}`, file, start: 0, end: 0 });
      continue;
    }
    const result = formatSidecar(read.text);
    if (!result.ok) {
      texts.set(file, read.text);
      for (const p of result.problems) refusals.push({ rule: p.rule, severity: 'error', message: `not formatted: ${p.message}`, file, start: p.start, end: p.end });
      continue;
    }
    if (!result.changed) continue;
    if (!check) {
      // Never a lost edit, a written-through link or a read-only file made writable.
      const written = await replaceFileAtomic(path.join(dir, ...file.split('/')), result.text, read.text, 'fmt');
      if (!written.written) {
        texts.set(file, read.text);
        refusals.push({ rule: 'file-unreadable', severity: 'error', message: `not formatted: ${written.reason}`, file, start: 0, end: 0 });
        continue;
      }
    }
    changed.push(file);
  }
  const out: string[] = [];
  for (const f of locate(refusals, texts)) out.push(`${f.file}:${f.line}:${f.column}  error    ${f.message}  ${f.rule}`);
  if (check) out.push(...changed.map((f) => `${f}: not in canonical form (run claimbook fmt)`));
  const refused = new Set(refusals.map((r) => r.file)).size;
  const verb = check ? 'would be reformatted' : 'reformatted';
  out.push(`${changed.length} of ${files.length} sidecar${files.length === 1 ? '' : 's'} ${verb}${refused > 0 ? `; ${refused} not formatted (fix the problems above first)` : ''}.`);
  io.stdout(`${out.join('\n')}\n`);
  return refused > 0 || (check && changed.length > 0) ? 1 : 0;
}
