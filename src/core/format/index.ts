/** Canonical form of sidecars (issue 14): `claimbook fmt` and the editor's formatter. */
export { formatSidecar, renderUnits, type FormatResult } from './formatSidecar';
export { readSidecar, type SidecarUnits, type ClaimUnit } from './sidecarText';
export type { Unit } from './render';
export type { CommentNode } from './comments';
