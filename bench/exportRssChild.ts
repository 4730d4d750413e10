/** Child process: one `claimbook export …` (the arguments given), then its exit code and the process's peak resident set size as JSON. */
import { run } from '../src/cli/run';

async function main(): Promise<void> {
  const code = await run(process.argv.slice(2), { cwd: process.cwd(), stdout: () => {}, stderr: () => {} });
  process.stdout.write(JSON.stringify({ code, rss_mb: process.resourceUsage().maxRSS / 1024 }));
}

void main();
