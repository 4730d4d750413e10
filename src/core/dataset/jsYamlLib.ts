/**
 * The `js-yaml` package, evaluated on first use rather than when the bundle loads: activation
 * reads no YAML (issue 6). esbuild wraps a `require` that sits inside a function so that the
 * package runs only when the function first does.
 */
import type * as JsYaml from 'js-yaml';

let lib: typeof JsYaml | undefined;

export function jsYamlLib(): typeof JsYaml {
  // A lazy `require` is the point here; an `import` would be evaluated at bundle load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  lib ??= require('js-yaml') as typeof JsYaml;
  return lib;
}
