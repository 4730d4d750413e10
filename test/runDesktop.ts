// Runs the same integration suite in desktop VS Code through @vscode/test-electron. That
// downloads VS Code from Microsoft at test time, so it works only on a machine that can
// reach it; offline machines (ours, CI) use runInVsCodeServer.ts instead.
//
//   node out/test/runDesktop.js [--workspace DIR] [--grep PATTERN] [--keep]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyWorkspace, extensionTestsPath, readResults, repoRoot, reportResults, runnerOptions } from './harness';

async function main(): Promise<number> {
  const options = runnerOptions('desktop');
  if (!options) return 2;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-desktop-'));
  const resultsFile = path.join(tmp, 'results.json');
  const extensionTestsEnv: Record<string, string> = { CLAIMBOOK_TEST_RESULTS: resultsFile };
  if (options.grep) extensionTestsEnv.CLAIMBOOK_TEST_GREP = options.grep;
  try {
    const workspace = copyWorkspace(options.workspace, path.join(tmp, 'workspace'));
    try {
      await runTests({
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath,
        extensionTestsEnv,
        launchArgs: [workspace, '--disable-extensions'],
      });
    } catch (error) {
      // run() rejects on failures too; the results file (if any) says which.
      console.error(`[desktop] VS Code run ended with: ${error instanceof Error ? error.message : String(error)}`);
    }
    const results = readResults(resultsFile);
    if ('error' in results) {
      console.error(`[desktop] FAILED: ${results.error}`);
      return 1;
    }
    return reportResults(results);
  } finally {
    if (!options.keep) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void main().then((code) => process.exit(code));
}
