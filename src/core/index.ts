/** The core's public surface, used by the CLI and the extension. */
export * from './model/finding';
export * from './model/codebook';
export * from './model/sidecar';
export * from './dataset/host';
export * from './dataset/files';
export * from './dataset/check';
export * from './dataset/anchorClaims';
export * from './dataset/stats';
export * from './fixes/apply';
export { requoteEdits } from './fixes/quoteEdit';
export { replaceValue, renderScalar } from './fixes/yamlEdit';
export { RULES } from './rules';
export type { Rule, SidecarContext, AnchoredClaim, ClaimAnchor } from './rules/rule';
export { nodeRange, type PathSegment } from './yaml/ranges';
export { TextIndex } from './text/textIndex';
export { LineMap } from './text/lineMap';
export { sha256Hex } from './text/sha256';
export * from './anchor';
