/**
 * The `yaml` package, evaluated on first use rather than when the bundle loads: activation needs
 * none of it, and evaluating it costs several milliseconds (issue 6). esbuild wraps a `require`
 * that sits inside a function so that the package runs only when the function first does.
 * Types come from `import type`, which leaves no trace in the output.
 */
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

export function yamlLib(): typeof Yaml {
  // A lazy `require` is the point here; an `import` would be evaluated at bundle load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  lib ??= require('yaml') as typeof Yaml;
  return lib;
}
