import type { Fix } from '../model/finding';
import { effectiveFields } from '../model/codebook';
import { asRecordEntries } from '../model/plain';
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
    ctx.claims.forEach(({ claim }) => {
      const raw = rawClaim(ctx.sidecar.parsed.value, claim.index);
      const present = (key: string) => isFilled(claim.fields.get(key)) || isFilled(raw.get(key));

      const stance = claim.stance === undefined ? undefined : cb.model.stances.get(claim.stance);
      for (const key of stance?.requires ?? []) {
        if (present(key)) continue;
        const edit = insertKeyAfter(ctx.sidecar, claimPath(claim), 'stance', key, '""');
        report({
          message: `stance '${claim.stance}' requires '${key}'`,
          ...at(ctx.sidecar, claimPath(claim, raw.has(key) ? key : 'stance')),
          claimId: claim.id,
          related: [related(at(cb, ['stances', claim.stance as string, 'requires']), 'required by the stance')],
          fixes: edit ? [{ title: `Add '${key}'`, file: ctx.sidecar.path, edits: [edit], safe: false }] : [],
        });
      }

      if (claim.commitment === undefined) return;
      for (const spec of effectiveFields(cb.model, claim.commitment).values()) {
        if (!spec.required || present(spec.name)) continue;
        const fixes: Fix[] = [];
        const stub = spec.type === 'number' ? '0' : spec.type === 'boolean' ? 'false' : '""';
        const edit = raw.has('fields')
          ? appendToMap(ctx.sidecar, claimPath(claim, 'fields'), [...claim.fields.keys()], spec.name, stub)
          : insertKeyAfter(ctx.sidecar, claimPath(claim), raw.has('condition') ? 'condition' : 'stance', 'fields', `{ ${spec.name}: ${stub} }`);
        if (edit) fixes.push({ title: `Add field '${spec.name}'`, file: ctx.sidecar.path, edits: [edit], safe: false });
        report({
          message: `commitment '${claim.commitment}' requires field '${spec.name}'`,
          ...at(ctx.sidecar, claimPath(claim, raw.has('fields') ? 'fields' : 'commitment')),
          claimId: claim.id,
          fixes,
        });
      }
    });
  },
};

function rawClaim(value: unknown, index: number): Map<string, unknown> {
  const claims = new Map(asRecordEntries(value)).get('claims');
  return new Map(asRecordEntries(Array.isArray(claims) ? claims[index] : undefined));
}

function isFilled(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}
