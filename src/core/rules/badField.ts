import type { FieldSpec } from '../model/codebook';
import { effectiveFields } from '../model/codebook';
import type { Codebook } from '../model/codebook';
import type { Rule } from './rule';
import { at, claimPath } from './where';

// Money: a currency (code or symbol) and an amount, either order: "€90 billion", "EUR 90 billion", "90 billion euros".
const AMOUNT = String.raw`\d[\d,.]*(?:\s?(?:thousand|million|billion|trillion|bn|mn|m|k))?`;
const CURRENCY = String.raw`(?:[A-Z]{3}|[€$£¥₴₽₺]|US\$)`;
const MONEY = new RegExp(String.raw`^(?:${CURRENCY}\s?${AMOUNT}|${AMOUNT}\s?(?:${CURRENCY}|euros?|dollars?|pounds?|hryvnias?))$`, 'i');
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

export const badField: Rule = {
  id: 'bad-field',
  description: "A claim field's value does not fit the type the commitment declares, or the field is not declared at all.",
  defaultSeverity: 'error',
  checkSidecar(ctx, report) {
    const cb = ctx.codebook;
    if (!cb) return;
    for (const { claim } of ctx.claims) {
      if (claim.commitment === undefined || !cb.model.commitments.has(claim.commitment)) continue;
      const specs = effectiveFields(cb.model, claim.commitment);
      for (const [name, value] of claim.fields) {
        const spec = specs.get(name);
        const where = at(ctx.sidecar, claimPath(claim, 'fields', name), spec ? 'value' : 'key');
        if (!spec) {
          const known = [...specs.keys()];
          report({
            message: `field '${name}' is not defined for commitment '${claim.commitment}'${known.length ? ` (it has: ${known.join(', ')})` : ' (it defines no fields)'}`,
            ...where,
            claimId: claim.id,
          });
          continue;
        }
        const problem = fieldProblem(spec, value, cb.model);
        if (problem) report({ message: `field '${name}': ${problem}`, ...where, claimId: claim.id });
      }
    }
  },
};

/** Why a value does not fit its field type; undefined when it fits. */
export function fieldProblem(spec: FieldSpec, value: unknown, codebook: Codebook): string | undefined {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string' ? undefined : `expected text, got ${describe(value)}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : `expected a number, got ${describe(value)}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected true or false, got ${describe(value)}`;
    case 'date': {
      const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
      if (!m) return `expected an ISO 8601 date such as 2025-03-11, got ${describe(value)}`;
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
      return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? undefined : `no such date: ${String(value)}`;
    }
    case 'money':
      return typeof value === 'string' && MONEY.test(value.trim()) ? undefined : `expected an amount with a currency such as "EUR 90 billion" or "€90 billion", got ${describe(value)}`;
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? undefined : `expected one of ${spec.values.join(', ')}, got ${describe(value)}`;
    case 'actor':
      return typeof value === 'string' && codebook.actors.has(value) ? undefined : `expected an actor id, got ${describe(value)}`;
    default:
      return undefined; // an unknown field type is the codebook's schema problem, not the claim's
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a map';
  return String(value);
}
