/** Reading a field value typed into an input box, checked as the user types. */
import type { Codebook, FieldSpec } from '../model/codebook';
import { fieldProblem } from '../rules/badField';
import type { FieldValue } from './renderClaim';

export type ParsedInput = { ok: true; value: FieldValue } | { ok: false; message: string };

/** Text → the value written to the sidecar (numbers as numbers), or why it does not fit the field. */
export function parseFieldInput(spec: FieldSpec, input: string, codebook: Codebook): ParsedInput {
  const text = input.trim();
  if (text === '') return { ok: false, message: `'${spec.name}' is required` };
  let value: FieldValue = text;
  if (spec.type === 'number') {
    const n = Number(text.replace(/[_\s]/g, ''));
    if (!Number.isFinite(n)) return { ok: false, message: `'${spec.name}' is a number, e.g. 5000` };
    value = n;
  } else if (spec.type === 'boolean') {
    if (!/^(true|false)$/i.test(text)) return { ok: false, message: `'${spec.name}' is true or false` };
    value = text.toLowerCase() === 'true';
  }
  const problem = fieldProblem(spec, value, codebook);
  return problem ? { ok: false, message: `'${spec.name}': ${problem}` } : { ok: true, value };
}

/** A free-text claim key (condition, note): anything but blank. */
export function textProblem(key: string, input: string): string | undefined {
  return input.trim() === '' ? `'${key}' is required by the stance` : undefined;
}
