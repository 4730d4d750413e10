import type { Fix } from '../model/finding';
import { effectiveFields, type Codebook, type FieldSpec } from '../model/codebook';
import { isRecord } from '../model/plain';
import { appendToMap, insertKeyAfter } from '../fixes/yamlEdit';
import type { Rule } from './rule';
import { at, claimPath, related } from './where';

export const missingField: Rule = {
  id: 'missing-field',
  description: 'A field required by the commitment (or an ancestor), or a key required by the stance (e.g. condition), is absent or empty.',
  defaultSeverity: 'error',
  checkSidecar(ctx, report) {
    const cb = ctx.codebook;
    if (!cb) return;
    const required = requiredFields(cb.model);
    const claims = valueAt(ctx.sidecar.parsed.value, 'claims');
    ctx.claims.forEach(({ claim }) => {
      // The claim as written, for keys the model does not keep (a stance's `condition`).
      const raw: unknown = Array.isArray(claims) ? claims[claim.index] : undefined;
      const present = (key: string) => isFilled(claim.fields.get(key)) || isFilled(valueAt(raw, key));

      const stance = claim.stance === undefined ? undefined : cb.model.stances.get(claim.stance);
      for (const key of stance?.requires ?? []) {
        if (present(key)) continue;
        const edit = insertKeyAfter(ctx.sidecar, claimPath(claim), 'stance', key, '""');
        report({
          message: `stance '${claim.stance}' requires '${key}'`,
          ...at(ctx.sidecar, claimPath(claim, hasKey(raw, key) ? key : 'stance')),
          claimId: claim.id,
          related: [related(at(cb, ['stances', claim.stance as string, 'requires']), 'required by the stance')],
          fixes: edit ? [{ title: `Add '${key}'`, file: ctx.sidecar.path, edits: [edit], safe: false }] : [],
        });
      }

      if (claim.commitment === undefined) return;
      for (const spec of required(claim.commitment)) {
        if (present(spec.name)) continue;
        const fixes: Fix[] = [];
        const stub = spec.type === 'number' ? '0' : spec.type === 'boolean' ? 'false' : '""';
        const edit = hasKey(raw, 'fields')
          ? appendToMap(ctx.sidecar, claimPath(claim, 'fields'), [...claim.fields.keys()], spec.name, stub)
          : insertKeyAfter(ctx.sidecar, claimPath(claim), hasKey(raw, 'condition') ? 'condition' : 'stance', 'fields', `{ ${spec.name}: ${stub} }`);
        if (edit) fixes.push({ title: `Add field '${spec.name}'`, file: ctx.sidecar.path, edits: [edit], safe: false });
        report({
          message: `commitment '${claim.commitment}' requires field '${spec.name}'`,
          ...at(ctx.sidecar, claimPath(claim, hasKey(raw, 'fields') ? 'fields' : 'commitment')),
          claimId: claim.id,
          fixes,
        });
      }
    });
  },
};

/**
 * The required fields of each commitment (own and inherited, in `effectiveFields` order), per
 * codebook: the rule runs claim by claim, and walking the lineage for every claim showed in profiles.
 */
const requiredCache = new WeakMap<Codebook, Map<string, FieldSpec[]>>();

function requiredFields(codebook: Codebook): (commitment: string) => FieldSpec[] {
  let byCommitment = requiredCache.get(codebook);
  if (!byCommitment) requiredCache.set(codebook, (byCommitment = new Map()));
  const known = byCommitment;
  return (commitment) => {
    let specs = known.get(commitment);
    if (!specs) known.set(commitment, (specs = [...effectiveFields(codebook, commitment).values()].filter((spec) => spec.required)));
    return specs;
  };
}

/** Whether `new Map(asRecordEntries(value))` has `key`, without building the map for every claim. */
function hasKey(value: unknown, key: string): boolean {
  if (value instanceof Map) {
    for (const k of value.keys()) if (String(k) === key) return true;
    return false;
  }
  return isRecord(value) && Object.prototype.propertyIsEnumerable.call(value, key);
}

/** `new Map(asRecordEntries(value)).get(key)`: own data only, the last of keys alike in a Map. */
function valueAt(value: unknown, key: string): unknown {
  if (value instanceof Map) {
    let found: unknown;
    for (const [k, v] of value) if (String(k) === key) found = v;
    return found;
  }
  return hasKey(value, key) ? Object.getOwnPropertyDescriptor(value, key)?.value : undefined;
}

function isFilled(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}
