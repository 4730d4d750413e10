/**
 * The CLI's commands, one entry each: its flags (parsed per command, so a flag another command
 * takes is still a usage error here), its help text and its handler. Add a command here.
 */
import type { FlagSpec, ParsedArgs } from '../args';
import type { Io } from '../io';
import { runAgree } from './agree';
import { runCheck } from './check';
import { runStats } from './stats';

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
    name: 'agree',
    usage: 'claimbook agree DIR_A DIR_B [DIR…] | [DIR] --rev R1 --rev R2 | [DIR] --by-annotator [--label actor|commitment|stance|claim] [--format text|json|csv] [--report FILE.html] [--min-alpha X]',
    help: `agree     inter-annotator agreement between dataset folders, git revisions of one
          dataset (read from git, the work tree untouched) or its claims' annotators:
          span P/R/F1 (exact, overlap) and Krippendorff's unitized alpha per label and
          overall, agreement of the other attributes on matched units (kappa, alpha).
  --rev           a branch, tag or commit (give two or more)
  --by-annotator  compare the claims' annotators within one dataset
  --label         what labels a unit (default commitment; claim = actor+commitment+stance)
  --format        text (default), json (documented in docs/agreement.md) or csv
  --report        also write a self-contained HTML page with tables, chart and spans
  --min-alpha     exit 1 when overall alpha_u is below X (or undefined)`,
    flags: { withValue: ['format', 'rev', 'label', 'report', 'min-alpha'], boolean: ['by-annotator'], repeatable: ['rev'] },
    run: (args, io) => runAgree(args, io),
  },
];
