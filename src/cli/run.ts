/** The CLI as a function: argv in, exit code out. `main.ts` binds it to the process. */
import { parseArgs, UsageError } from './args';
import { COMMANDS } from './commands';
import type { Io } from './io';
import { version } from '../../package.json';

const GLOBAL_FLAGS = ['help', 'version'];

function helpText(): string {
  return `claimbook ${version} — validate claim annotations of news articles

Usage:
${COMMANDS.map((c) => `  ${c.usage}`).join('\n')}
  claimbook --help | --version

DIR is the dataset folder holding claimbook.yaml (default: the current folder).

${COMMANDS.map((c) => c.help).join('\n')}

Exit codes: 0 clean, 1 errors (or too many warnings), 2 usage error or unusable dataset.
`;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    // The command is the first word that is not an option; its own flags are then parsed strictly.
    const name = argv.find((a) => !a.startsWith('-') || a === '-');
    const command = COMMANDS.find((c) => c.name === name);
    if (name !== undefined && name !== 'help' && command === undefined) throw new UsageError(`unknown command '${name}'`);
    const spec = command?.flags ?? { withValue: [], boolean: [] };
    const args = parseArgs(argv, { ...spec, boolean: [...spec.boolean, ...GLOBAL_FLAGS] });
    if (args.flags.has('version')) {
      io.stdout(`${version}\n`);
      return 0;
    }
    if (args.flags.has('help') || args.command === 'help') {
      io.stdout(helpText());
      return 0;
    }
    if (command === undefined) throw new UsageError('missing command');
    return await command.run(args, io, version);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`claimbook: ${error.message}\nRun 'claimbook --help' for usage.\n`);
      return 2;
    }
    io.stderr(`claimbook: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}
