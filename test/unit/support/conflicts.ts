/** Reading merge results: a text with conflict markers resolved to one side. */

export function resolveTo(text: string, side: 'ours' | 'theirs'): string {
  const out: string[] = [];
  let state: 'both' | 'ours' | 'theirs' = 'both';
  for (const line of text.split('\n')) {
    if (line.startsWith('<<<<<<< ')) state = 'ours';
    else if (line === '=======' && state === 'ours') state = 'theirs';
    else if (line.startsWith('>>>>>>> ') && state === 'theirs') state = 'both';
    else if (state === 'both' || state === side) out.push(line);
  }
  return out.join('\n');
}
