/** What a merge driver run gives: a merged text (with `conflicts` marked in it), or a reason to fall back to git's line merge. */
export type MergeOutcome = { kind: 'merged'; text: string; conflicts: number } | { kind: 'fallback'; reason: string };
