/**
 * `claimbook git-setup [DIR] [--hooks]`: one step to make a dataset's repository merge well.
 * `.gitattributes` routes sidecars and the codebook to the `claimbook` merge driver, the
 * repository's own git config defines that driver with the path of this claimbook (no global
 * install needed), and `--hooks` adds a pre-commit hook running `fmt --check` and `check`
 * unless a hook exists. Running it again changes nothing.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { datasetDir } from '../nodeHost';
import { git, shellQuote } from '../git';
import { UsageError, type ParsedArgs } from '../args';
import type { Io } from '../io';

export const ATTRIBUTES = ['*.claims.yaml merge=claimbook', 'claimbook.yaml merge=claimbook'];

/**
 * How to run this claimbook from a shell: node (or VS Code's runtime, hence
 * ELECTRON_RUN_AS_NODE, which plain node ignores) and the CLI script being run.
 */
export function selfCommand(): string {
  const script = path.resolve(process.argv[1] ?? 'claimbook');
  return `ELECTRON_RUN_AS_NODE=1 ${shellQuote(process.execPath)} ${shellQuote(script)}`;
}

export async function runGitSetup(args: ParsedArgs, io: Io): Promise<number> {
  if (args.positionals.length > 1) throw new UsageError('git-setup takes one folder');
  const dir = await datasetDir(io.cwd, args.positionals[0]);
  const top = git(['rev-parse', '--show-toplevel'], dir);
  if (top.error) {
    io.stderr(`claimbook: git-setup needs git (${top.error.message})\n`);
    return 2;
  }
  if (top.status !== 0) {
    io.stderr(`claimbook: ${dir} is not inside a git repository (run git init first)\n`);
    return 2;
  }
  const self = selfCommand();
  const done: string[] = [];

  const attributes = path.join(dir, '.gitattributes');
  const existing = await fs.readFile(attributes, 'utf8').catch(() => '');
  const have = new Set(existing.split(/\r?\n/).map((l) => l.trim()));
  const missing = ATTRIBUTES.filter((a) => !have.has(a));
  if (missing.length > 0) {
    const sep = existing === '' || existing.endsWith('\n') ? '' : '\n';
    await fs.writeFile(attributes, `${existing}${sep}${missing.join('\n')}\n`, 'utf8');
    done.push(`${path.relative(io.cwd, attributes) || '.gitattributes'}: added ${missing.join(', ')}`);
  }

  const driver = `${self} merge-driver %O %A %B %P`;
  const config: Array<[string, string]> = [
    ['merge.claimbook.name', 'Claimbook: entry-level merge of sidecars and the codebook'],
    ['merge.claimbook.driver', driver],
  ];
  for (const [key, value] of config) {
    const now = git(['config', '--local', '--get', key], dir);
    if (now.status === 0 && now.stdout.replace(/\n$/, '') === value) continue;
    const set = git(['config', '--local', key, value], dir);
    if (set.status !== 0) {
      io.stderr(`claimbook: git config ${key} failed: ${set.stderr}`);
      return 2;
    }
    done.push(`git config ${key}`);
  }

  if (args.flags.has('hooks')) {
    const hooksPath = git(['rev-parse', '--git-path', 'hooks/pre-commit'], dir);
    const hook = path.resolve(dir, hooksPath.stdout.trim());
    const rel = path.relative(top.stdout.trim(), dir) || '.';
    const body = `#!/bin/sh\n# Installed by claimbook git-setup: commit only canonical, clean datasets.\n${self} fmt --check ${shellQuote(rel)} && ${self} check ${shellQuote(rel)}\n`;
    const current = await fs.readFile(hook, 'utf8').catch(() => undefined);
    if (current === undefined) {
      await fs.mkdir(path.dirname(hook), { recursive: true });
      await fs.writeFile(hook, body, { encoding: 'utf8', mode: 0o755 });
      done.push(`pre-commit hook: ${hook}`);
    } else if (current !== body) {
      io.stderr(`claimbook: ${hook} exists and is left as it is; to run the checks, add:\n${body.split('\n').slice(2).join('\n')}`);
    }
  }
  io.stdout(done.length === 0 ? 'Already set up: nothing to change.\n' : `Set up for Claimbook merges:\n${done.map((d) => `  ${d}`).join('\n')}\n`);
  return 0;
}
