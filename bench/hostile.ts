/**
 * The attack files of test/unit/hostile.test.ts, rebuilt here so the benchmark can time each
 * one end to end: a dataset of the samples' codebook plus one sidecar holding the attack,
 * checked cold through the extension's path, until the attack file has a finding.
 */

export interface Attack {
  name: string;
  /** The attack sidecar (`attack.claims.yaml`); unused when `codebook` is given. */
  text: string;
  /** An attack on the codebook instead: the samples' codebook rewritten, and an article beside it. */
  codebook?: { edit: (codebook: string) => string; article: string };
}

export function attacks(): Attack[] {
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghij';
  for (let i = 1; i < names.length; i++) bomb.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
  const merge = ['m0: &m0 { x: 1, y: 2 }'];
  for (let i = 1; i <= 12; i++) merge.push(`m${i}: &m${i}`, `  <<: [${Array(10).fill(`*m${i - 1}`).join(', ')}]`, `  z${i}: ${i}`);
  return [
    { name: 'nested-flow-1000', text: `a: ${'['.repeat(1000)}${']'.repeat(1000)}\n` },
    { name: 'unclosed-flow-100k', text: '['.repeat(100_000) },
    { name: 'unclosed-mixed-100k', text: '[{'.repeat(100_000) },
    { name: 'dash-run-100k', text: `${'- '.repeat(100_000)}x\n` },
    { name: 'key-run-100k', text: `${'? '.repeat(100_000)}x\n` },
    { name: 'anchor-run-100k', text: `${'&a '.repeat(100_000)}x\n` },
    { name: 'tag-run-100k', text: `${'!t '.repeat(100_000)}x\n` },
    { name: 'verbatim-tag-run-100k', text: `${'!<x>'.repeat(100_000)}x\n` },
    { name: 'explicit-keys-60', text: `${'? '.repeat(60)}1\n` },
    { name: 'indent-nesting-200', text: Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k:\n`).join('') },
    { name: 'billion-laughs', text: `${bomb.join('\n')}\n` },
    { name: 'merge-key-chain', text: `${merge.join('\n')}\n` },
    { name: 'oversize-21mb', text: `a: ${'x'.repeat(21 * 1024 * 1024 - 3)}` },
    { name: 'oversize-multibyte-21mb', text: '€'.repeat(7 * 1024 * 1024) },
    { name: 'conflict-markers', text: 'article: a.txt\nclaims:\n<<<<<<< HEAD\n  - id: c-1\n=======\n  - id: c-2\n>>>>>>> feature/x\n' },
    { name: 'syntax-error-flood', text: `a: 1\n${'- x\n: y\n'.repeat(2000)}` },
    { name: 'binary', text: 'PK\u0003\u0004\u0014\u0000\u0008\u0000' },
    // A 1 MB alias against an article repeating its words: minutes before aliases were capped.
    {
      name: 'alias-1mb',
      text: '',
      codebook: { edit: (c) => c.replace('aliases: [Macron,', `aliases: ["${'a '.repeat(500_000).trim()}", Macron,`), article: `${'a '.repeat(100_000)}\n` },
    },
  ];
}
