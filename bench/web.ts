/**
 * The web build (package.json `browser`, for vscode.dev / github.dev): the size of the shipped
 * dist/web/extension.js (built as `vscode:prepublish` builds it, minified) and its activation,
 * measured as `activation` measures the Node bundle (bench/activation.ts: a fresh process, a
 * stand-in `vscode`, activate() on an empty workspace). The web bundle is CommonJS with no Node
 * module in it, so plain node can load it; a browser worker's own start-up is not counted.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { median, round } from './stats';

export async function webBuild(root: string, runs: number, r: Record<string, number>, log: (line: string) => void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbook-web-bundle-'));
  try {
    execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--production', '--outdir', dir], { cwd: root, stdio: 'ignore' });
    const bundle = path.join(dir, 'web', 'extension.js');
    r.web_bundle_bytes = fs.statSync(bundle).size;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const out = execFileSync(process.execPath, [path.join(root, 'out', 'bench', 'activation.js'), '--bundle', bundle], { encoding: 'utf8' });
      times.push((JSON.parse(out) as { activation_ms: number }).activation_ms);
    }
    r.web_activation_ms = round(median(times));
    log(`  web build: ${r.web_bundle_bytes} bytes shipped; activation ${r.web_activation_ms} ms`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
