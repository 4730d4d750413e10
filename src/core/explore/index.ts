/** The explorer's pure logic: claim rows, grouping, filtering, codebook and conflict trees. */
export * from './rows';
export * from './labels';
export * from './filter';
export * from './group';
export * from './present';
export * from './codebookTree';
export * from './conflicts';
export * from './claimJson';
export * from './removeClaim';
export * from './diff';
export * from './notices';
