/**
 * `claimbook import --from w3c|brat|spans SRC [DIR] [--add-to-codebook]`: claims made in other
 * tools into the dataset's sidecars (canonical insertions, fresh ids where none is carried,
 * quotes anchored by the core's resolver). Existing claims are never overwritten. Exit 1 when
 * some claims could not be imported (each is listed with why).
 */
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkDataset, IMPORT_FORMATS, importBratAnn, importSpans, importW3c, planImport, type ImportedClaim, type ImportFormat, type ImportProblem } from '../../core';
import { UsageError, type ParsedArgs } from '../args';
import type { Io } from '../io';
import { datasetDir, NodeHost, replaceFileAtomic, writeFileAtomic } from '../nodeHost';

export async function runImport(args: ParsedArgs, io: Io): Promise<number> {
  const from = args.flags.get('from');
  if (typeof from !== 'string' || !(IMPORT_FORMATS as readonly string[]).includes(from)) throw new UsageError(`import needs --from ${IMPORT_FORMATS.join('|')}`);
  const [src, target, ...rest] = args.positionals;
  if (src === undefined) throw new UsageError('import needs the file (or brat folder) to read');
  if (rest.length > 0) throw new UsageError('import takes one source and one dataset folder');
  const source = path.resolve(io.cwd, src);
  const stat = await fs.stat(source).catch(() => undefined);
  if (!stat) throw new UsageError(`${source} does not exist`);
  if (from === 'brat' ? !stat.isDirectory() : !stat.isFile()) throw new UsageError(`${source} is not a ${from === 'brat' ? 'folder (brat: .txt and .ann files)' : 'file'}`);
  const dir = await datasetDir(io.cwd, target);

  const read = readSource(from as ImportFormat, source);
  const result = await checkDataset(new NodeHost(dir), { oneShot: true });
  if (result.fatal) {
    io.stderr(`claimbook: ${dir}: ${result.fatal}\n`);
    return 2;
  }
  const plan = planImport(result, read.claims, { addToCodebook: args.flags.has('add-to-codebook'), random: Math.random });
  const refused: ImportProblem[] = [];
  for (const w of plan.writes) {
    const file = path.join(dir, ...w.path.split('/'));
    const before = result.texts.get(w.path);
    if (w.created || before === undefined) {
      await writeFileAtomic(file, w.text);
      continue;
    }
    // An existing sidecar or codebook is replaced only if it is still what the plan was made from.
    const written = await replaceFileAtomic(file, w.text, before, 'import');
    if (!written.written) refused.push({ origin: w.path, message: `not written: ${written.reason}` });
  }
  const problems = [...read.problems, ...plan.skipped, ...refused];
  const sidecars = plan.writes.filter((w) => w.path.endsWith('.claims.yaml'));
  const lines = [
    `imported ${plan.imported} claims into ${sidecars.length} sidecars (${sidecars.filter((w) => w.created).length} new)` +
      (plan.existing > 0 ? `; ${plan.existing} already in the dataset` : '') +
      (problems.length > 0 ? `; ${problems.length} not imported:` : ''),
    ...problems.map((p) => `  ${p.origin}: ${p.message}`),
    ...(plan.added.length > 0 ? [`added to claimbook.yaml: ${plan.added.join(', ')}`] : []),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return problems.length > 0 ? 1 : 0;
}

function readSource(format: ImportFormat, source: string): { claims: ImportedClaim[]; problems: ImportProblem[] } {
  const name = path.basename(source);
  if (format === 'w3c') return importW3c(readFileSync(source, 'utf8'), name);
  if (format === 'spans') return importSpans(readFileSync(source, 'utf8'), name);
  const claims: ImportedClaim[] = [];
  const problems: ImportProblem[] = [];
  for (const ann of listAnn(source)) {
    const txt = `${ann.slice(0, -'.ann'.length)}.txt`;
    const rel = path.relative(source, txt).split(path.sep).join('/');
    let text: string;
    try {
      text = readFileSync(txt, 'utf8');
    } catch {
      problems.push({ origin: path.relative(source, ann), message: `no ${path.basename(txt)} beside it` });
      continue;
    }
    const r = importBratAnn(readFileSync(ann, 'utf8'), text, rel, path.relative(source, ann).split(path.sep).join('/'));
    claims.push(...r.claims);
    problems.push(...r.problems);
  }
  return { claims, problems };
}

function listAnn(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ann')) out.push(p);
    }
  };
  walk(root);
  return out;
}
