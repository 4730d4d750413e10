/**
 * Child process: one cold `claimbook check DIR --format json` (the CLI as a function), then
 * prints JSON with the wall time and the process's peak resident set size.
 */
import { run } from '../src/cli/run';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: rssChild DIR');
  let bytes = 0;
  const start = performance.now();
  const code = await run(['check', dir, '--format', 'json'], { cwd: process.cwd(), stdout: (t) => (bytes += t.length), stderr: () => {} });
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, code, outputChars: bytes, rss_mb: process.resourceUsage().maxRSS / 1024 }));
}

void main();
