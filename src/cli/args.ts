/** Argument parsing: small and strict, so a typo is a usage error (exit 2), not a silent default. */

export interface ParsedArgs {
  command: string | undefined;
  positionals: string[];
  flags: Map<string, string | true>;
  /** Every value of a repeatable flag, in order (`--rev a --rev b`); `flags` holds the last. */
  repeated?: Map<string, string[]>;
}

export class UsageError extends Error {}

export interface FlagSpec {
  /** Flags that take a value (`--format json` or `--format=json`). */
  withValue: readonly string[];
  boolean: readonly string[];
  /** Flags of `withValue` that may be given more than once. */
  repeatable?: readonly string[];
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  const repeated = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.startsWith('--') ? splitOnce(arg.slice(2), '=') : [shortName(arg), undefined];
    if (spec.boolean.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    } else if (spec.withValue.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
      if (spec.repeatable?.includes(name)) repeated.set(name, [...(repeated.get(name) ?? []), value]);
    } else throw new UsageError(`unknown option ${arg}`);
  }
  const [command, ...rest] = positionals;
  return { command, positionals: rest, flags, repeated };
}

function splitOnce(text: string, sep: string): [string, string | undefined] {
  const i = text.indexOf(sep);
  return i < 0 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

function shortName(arg: string): string {
  if (arg === '-h') return 'help';
  if (arg === '-v') return 'version';
  if (arg === '-f') return 'format';
  throw new UsageError(`unknown option ${arg}`);
}
