/**
 * Units of agreement: each claim's span, in code points of the normalised article text,
 * labelled by one of its ids (DESIGN §6, issue 15). The other ids and values are the unit's
 * attributes, compared only on units that were matched.
 */
import type { Claim } from '../model/sidecar';

export type LabelKind = 'actor' | 'commitment' | 'stance' | 'claim';
export const LABEL_KINDS: readonly LabelKind[] = ['actor', 'commitment', 'stance', 'claim'];

/** A claim placed on the text the sources are compared on. */
export interface PlacedClaim {
  claim: Claim;
  start: number;
  end: number;
}

export interface Unit extends PlacedClaim {
  label: string;
}

/** Shown for an id a claim lacks, so that "no stance" is a value like any other. */
export const NONE = '(none)';

export function labelOf(claim: Claim, kind: LabelKind): string {
  if (kind === 'claim') return [claim.actor, claim.commitment, claim.stance].map((v) => v ?? NONE).join(' / ');
  return claim[kind] ?? NONE;
}

export function unitsOf(claims: readonly PlacedClaim[], kind: LabelKind): Unit[] {
  // Built field by field (a spread is a slow path, and this runs for every claim of every source).
  const units = new Array<Unit>(claims.length);
  for (let i = 0; i < claims.length; i++) {
    const c = claims[i] as PlacedClaim;
    units[i] = { claim: c.claim, start: c.start, end: c.end, label: labelOf(c.claim, kind) };
  }
  return units.sort(byPosition);
}

/** The units in `byPosition` order: themselves when already so (as `unitsOf` gives them), else a sorted copy. */
export function sortedByPosition<T extends { start: number; end: number; label?: string }>(units: readonly T[]): readonly T[] {
  for (let i = 1; i < units.length; i++) if (byPosition(units[i - 1] as T, units[i] as T) > 0) return [...units].sort(byPosition);
  return units;
}

export function byPosition(a: { start: number; end: number; label?: string }, b: { start: number; end: number; label?: string }): number {
  return a.start - b.start || a.end - b.end || ((a.label ?? '') < (b.label ?? '') ? -1 : (a.label ?? '') > (b.label ?? '') ? 1 : 0);
}

export type AttributeName = 'actor' | 'commitment' | 'stance' | 'condition' | 'fields';

/** The attributes compared on matched units: those the label does not already hold. */
export function attributesFor(kind: LabelKind): AttributeName[] {
  const all: AttributeName[] = ['actor', 'commitment', 'stance', 'condition', 'fields'];
  if (kind === 'claim') return ['condition', 'fields'];
  return all.filter((a) => a !== kind);
}

/** The fields as one comparable value, kept per claim: it is asked for once per pair of sources. */
const fieldValues = new WeakMap<Claim, string>();

export function attributeValue(claim: Claim, name: AttributeName): string {
  // One property each (claim[name] is a keyed look-up, slow when asked 700,000 times for M).
  switch (name) {
    case 'actor':
      return claim.actor ?? NONE;
    case 'commitment':
      return claim.commitment ?? NONE;
    case 'stance':
      return claim.stance ?? NONE;
    case 'condition':
      return claim.condition ?? NONE;
  }
  if (claim.fields.size === 0) return NONE;
  let value = fieldValues.get(claim);
  if (value === undefined) {
    const entries = [...claim.fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    value = JSON.stringify(entries.map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
    fieldValues.set(claim, value);
  }
  return value;
}
