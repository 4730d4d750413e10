/**
 * The CLI's commands, one entry each: its flags (parsed per command, so a flag another command
 * takes is still a usage error here), its help text and its handler. Add a command here.
 */
import type { FlagSpec, ParsedArgs } from '../args';
import type { Io } from '../io';
import { runCheck } from './check';
import { runStats } from './stats';
import { runFmt } from './fmt';
import { runMergeDriver } from './mergeDriver';
import { runGitSetup } from './gitSetup';

export interface Command {
  name: string;
  /** The usage line(s) shown under "Usage:". */
  usage: string;
  /** What it does and its flags, shown in the help after the usage lines. */
  help: string;
  flags: FlagSpec;
  run(args: ParsedArgs, io: Io, version: string): Promise<number>;
}

export const COMMANDS: readonly Command[] = [
  {
    name: 'check',
    usage: 'claimbook check [DIR] [--format text|json|sarif|github] [--fix] [--max-warnings N] [--hints] [--watch]',
    help: `check     validates the codebook, every sidecar and its anchors; prints findings.
  --format        output format (default text); json is an array of findings with
                  file, 1-based line/column and 0-based start/end offsets
  --fix           apply the fixes marked safe (atomic writes), then report what remains
  --max-warnings  exit 1 when there are more warnings than N
  --hints         also show hints (untagged mentions)
  --watch         keep checking: re-check what a change affects whenever a file under
                  DIR changes, and print the findings of the files whose findings changed`,
    flags: { withValue: ['format', 'max-warnings'], boolean: ['fix', 'hints', 'watch'] },
    run: runCheck,
  },
  {
    name: 'stats',
    usage: 'claimbook stats [DIR] [--format text|json]',
    help: 'stats     counts claims by stance, actor, commitment and article.',
    flags: { withValue: ['format'], boolean: [] },
    run: (args, io) => runStats(args, io),
  },
  {
    name: 'fmt',
    usage: 'claimbook fmt [DIR] [--check]',
    help: `fmt       rewrites every sidecar in canonical form (key order, claims sorted by start,
          one block per claim, consistent quoting), keeping comments; files that do not
          parse or hold conflict markers are left alone and reported (exit 1)
  --check         write nothing: list the files that would change and exit 1 if any would`,
    flags: { withValue: [], boolean: ['check'] },
    run: (args, io) => runFmt(args, io),
  },
  {
    name: 'merge-driver',
    usage: 'claimbook merge-driver BASE OURS THEIRS PATH',
    help: `merge-driver
          git's merge driver (%O %A %B %P): merges sidecars (claims by id) and the codebook
          (entries by id) entry by entry into OURS; exit 1 when conflicts are marked;
          anything it cannot read goes to git merge-file`,
    flags: { withValue: [], boolean: [] },
    run: (args, io) => runMergeDriver(args, io),
  },
  {
    name: 'git-setup',
    usage: 'claimbook git-setup [DIR] [--hooks]',
    help: `git-setup registers the merge driver for DIR's repository (.gitattributes and the
          repository's git config); running it again changes nothing
  --hooks         also add a pre-commit hook running fmt --check and check (never
                  replaces an existing hook)`,
    flags: { withValue: [], boolean: ['hooks'] },
    run: (args, io) => runGitSetup(args, io),
  },
];
