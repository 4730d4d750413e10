/**
 * Child process: loads a bundle of the extension (`--bundle FILE`, default dist/extension.js)
 * with a stand-in `vscode` module and calls activate()
 * on an empty workspace. Prints JSON: the time to evaluate the bundle, the time spent in
 * activate(), and both together. The stand-in answers every API call with another stand-in,
 * so this measures our own code only (module evaluation and activate's work), not VS Code's.
 * With `--samples DIR` it then times one cold validation of DIR through the core, which is
 * what the controller starts in the background right after activation.
 */
import Module from 'node:module';
import * as path from 'node:path';
import { standIn } from './vscodeStandIn';


async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const vscode = standIn() as Record<string, unknown>;
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = loader._load;
  loader._load = (request, parent, isMain) => (request === 'vscode' ? vscode : original(request, parent, isMain));

  const bundle = process.argv.includes('--bundle') ? path.resolve(process.argv[process.argv.indexOf('--bundle') + 1] as string) : path.join(root, 'dist', 'extension.js');
  const t0 = performance.now();
  const extension = (await import(bundle)) as { activate: (context: unknown) => Promise<unknown> };
  const t1 = performance.now();
  // The ExtensionContext: real subscriptions, everything else (state, storage, URIs) stand-ins.
  const own: Record<string | symbol, unknown> = { subscriptions: [], extensionPath: root };
  const context = new Proxy(own, { get: (target, prop) => (prop in target ? target[prop] : prop === 'then' ? undefined : standIn()) });
  await extension.activate(context);
  const t2 = performance.now();
  const out: Record<string, number> = { load_ms: t1 - t0, activate_ms: t2 - t1, activation_ms: t2 - t0 };

  const samples = process.argv[process.argv.indexOf('--samples') + 1];
  if (process.argv.includes('--samples') && samples) {
    const t3 = performance.now();
    const core = (await import(path.join(root, 'out', 'src', 'core'))) as typeof import('../src/core');
    const { NodeHost } = (await import(path.join(root, 'out', 'src', 'cli', 'nodeHost'))) as typeof import('../src/cli/nodeHost');
    const result = await core.checkDataset(new NodeHost(samples), {});
    out.first_validation_samples_ms = performance.now() - t3;
    out.first_validation_findings = result.findings.length;
  }
  process.stdout.write(JSON.stringify(out));
}

void main();
