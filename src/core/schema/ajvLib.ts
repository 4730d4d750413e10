/**
 * The Ajv class, evaluated on first use rather than when the bundle loads: activation needs no
 * schema compiler, and evaluating ajv costs several milliseconds (issue 6). esbuild wraps a
 * `require` that sits inside a function so that the package runs only when the function first does.
 */
import type AjvClass from 'ajv';

let ajv: typeof AjvClass | undefined;

export function ajvClass(): typeof AjvClass {
  // A lazy `require` is the point here; an `import` would be evaluated at bundle load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ajv ??= (require('ajv') as { default: typeof AjvClass }).default;
  return ajv;
}
