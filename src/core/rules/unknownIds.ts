/** Shared body of the three unknown-id rules: report the dangling id with "did you mean" fixes. */
import type { Fix } from '../model/finding';
import type { Claim } from '../model/sidecar';
import { replaceValue } from '../fixes/yamlEdit';
import { suggest, type Candidate } from './suggest';
import type { Report, SidecarContext } from './rule';
import { at, claimPath } from './where';

export function reportUnknown(
  ctx: SidecarContext,
  report: Report,
  claim: Claim,
  key: 'actor' | 'commitment' | 'stance' | 'speaker',
  value: string | undefined,
  known: ReadonlyMap<string, unknown>,
  candidates: () => Iterable<Candidate>,
  noun: string,
): void {
  if (value === undefined || known.has(value)) return;
  const suggestions = suggest(value, candidates());
  const fixes: Fix[] = [];
  for (const s of suggestions) {
    const edit = replaceValue(ctx.sidecar, claimPath(claim, key), s.id);
    // Safe only when the value was unmistakably a name or alias of exactly one entry.
    if (edit) fixes.push({ title: `Change to '${s.id}'`, file: ctx.sidecar.path, edits: [edit], safe: s.exact && suggestions.length === 1, preferred: fixes.length === 0 });
  }
  const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `'${s.id}'`).join(', ')}?` : '';
  report({
    message: `unknown ${noun} '${value}'${hint}`,
    ...at(ctx.sidecar, claimPath(claim, key)),
    claimId: claim.id,
    fixes,
  });
}
