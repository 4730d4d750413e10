// The web-extension suite: the extension under development is loaded as a *web* extension, so
// VS Code runs its package.json `browser` entry in the web worker extension host, as
// vscode.dev / github.dev do, and test/web/ runs there, bundled for the browser first. The
// workspace setting `remote.extensionKind: { "claimbook.claimbook": ["web"] }` is what puts it
// there: the smoke-test payload's `extensionDevelopmentKind` is read by VS Code's web workbench
// under another name (`extensionDevelopmentLocationKind`) and so has no effect (1.139).
//
//   npm run build && node out/test/runWeb.js [runner options]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './harness';
import { main } from './runInVsCodeServer';

const EXTENSION_ID = 'claimbook.claimbook';
const bundle = path.join(repoRoot, 'out', 'test', 'web-bundle', 'index.js');

async function start(): Promise<number> {
  await build({
    entryPoints: [path.join(repoRoot, 'test', 'web', 'index.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return main({
    developmentPath: repoRoot,
    testsPath: bundle,
    async prepare({ workspace }) {
      const file = path.join(workspace, '.vscode', 'settings.json');
      const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
      settings['remote.extensionKind'] = { [EXTENSION_ID]: ['web'] };
      // No git in a browser: the annotator comes from the setting (the suite checks it does).
      settings['claimbook.annotator'] = 'web-tester';
      fs.writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`);
    },
  });
}

void start().then((code) => process.exit(code));
