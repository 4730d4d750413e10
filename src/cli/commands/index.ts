/**
 * The CLI's commands, one entry each: its flags (parsed per command, so a flag another command
 * takes is still a usage error here), its help text and its handler. Add a command here.
 */
import type { FlagSpec, ParsedArgs } from '../args';
import type { Io } from '../io';
import { runAgree } from './agree';
import { runCheck } from './check';
import { runExport } from './export';
import { runImport } from './import';
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
  {
    name: 'export',
    usage: 'claimbook export [DIR] --format jsonl|csv|w3c|brat|spans [-o FILE|DIR] [--filter actor=…,commitment=…,stance=…] [--include-invalid]',
    help: `export    writes the claims for other tools; offsets are code points of the LF-normalised text.
  --format        jsonl (pandas, jq), csv (Excel, R), w3c (Web Annotation JSON-LD), brat (a
                  folder: .txt/.ann per article and annotation.conf), spans (spaCy, Prodigy, doccano)
  -o              the file (default: stdout) or, for brat, the folder to write
  --filter        only claims matching key=value pairs (actor, commitment, stance, annotator,
                  article); a commitment also matches its narrower ones
  --include-invalid  also claims with errors (orphaned anchors, unknown ids), else counted`,
    flags: { withValue: ['format', 'output', 'filter'], boolean: ['include-invalid'] },
    run: (args, io) => runExport(args, io),
  },
  {
    name: 'import',
    usage: 'claimbook import --from w3c|brat|spans SRC [DIR] [--add-to-codebook]',
    help: `import    adds claims from another tool to the sidecars, never overwriting one; exit 1 when some
          could not be placed (each is listed with why).
  --from          w3c (a file), spans (a file) or brat (a folder of .txt and .ann files)
  --add-to-codebook  add actors, commitments and stances the codebook lacks, instead of skipping`,
    flags: { withValue: ['from'], boolean: ['add-to-codebook'] },
    run: (args, io) => runImport(args, io),
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
