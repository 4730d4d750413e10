/** The CLI as a function: argv in, exit code out. `main.ts` binds it to the process. */
import { parseArgs, UsageError } from './args';
import { runCheck } from './commands/check';
import { runStats } from './commands/stats';
import type { Io } from './io';
import { version } from '../../package.json';

const HELP = `claimbook ${version} — validate claim annotations of news articles

Usage:
  claimbook check [DIR] [--format text|json|sarif|github] [--fix] [--max-warnings N] [--hints] [--watch]
  claimbook stats [DIR] [--format text|json]
  claimbook --help | --version

DIR is the dataset folder holding claimbook.yaml (default: the current folder).

check     validates the codebook, every sidecar and its anchors; prints findings.
  --format        output format (default text); json is an array of findings with
                  file, 1-based line/column and 0-based start/end offsets
  --fix           apply the fixes marked safe (atomic writes), then report what remains
  --max-warnings  exit 1 when there are more warnings than N
  --hints         also show hints (untagged mentions)
  --watch         keep checking: re-check what a change affects whenever a file under
                  DIR changes, and print the findings of the files whose findings changed
stats     counts claims by stance, actor, commitment and article.

Exit codes: 0 clean, 1 errors (or too many warnings), 2 usage error or unusable dataset.
`;

export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    const args = parseArgs(argv, { withValue: ['format', 'max-warnings'], boolean: ['fix', 'help', 'version', 'hints', 'watch'] });
    if (args.flags.has('version')) {
      io.stdout(`${version}\n`);
      return 0;
    }
    if (args.flags.has('help') || args.command === 'help') {
      io.stdout(HELP);
      return 0;
    }
    switch (args.command) {
      case 'check':
        return await runCheck(args, io, version);
      case 'stats':
        return await runStats(args, io);
      case undefined:
        throw new UsageError('missing command');
      default:
        throw new UsageError(`unknown command '${args.command}'`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`claimbook: ${error.message}\nRun 'claimbook --help' for usage.\n`);
      return 2;
    }
    io.stderr(`claimbook: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
