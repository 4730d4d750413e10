/**
 * How many claims the samples hold, counted from their sidecars' text, so tests over the samples
 * follow them when a claim is added instead of carrying a number that goes stale.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SAMPLES = path.resolve(__dirname, '../../../../samples');

/** Claims of one sidecar (path relative to samples/), or of all of them. */
export function sampleClaims(sidecar?: string): number {
  const files = sidecar
    ? [path.join(SAMPLES, sidecar)]
    : fs.readdirSync(path.join(SAMPLES, 'articles')).filter((f) => f.endsWith('.claims.yaml')).map((f) => path.join(SAMPLES, 'articles', f));
  let n = 0;
  for (const f of files) n += (fs.readFileSync(f, 'utf8').match(/^ {2}- id: /gm) ?? []).length;
  return n;
}
