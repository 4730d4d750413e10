/**
 * Child process of lazyLibraries.test.ts: loads a bundle (argv[2]) built with yaml, ajv and
 * js-yaml left external, with a stand-in `vscode`, and prints as JSON which of the libraries
 * were required at each step: loading the bundle, activate(), then one call into each part of
 * the core that needs a library. A fresh process, because the test runner has them all loaded.
 */
import Module from 'node:module';

import { standIn } from '../../../bench/vscodeStandIn';

const LIBRARIES = ['yaml', 'ajv', 'js-yaml'];

interface Probed {
  activate(context: unknown): unknown;
  parseYaml(text: string): unknown;
  jsYamlValue(text: string): unknown;
  validateCodebook(parsed: unknown): unknown;
}

function main(): void {
  const [bundle, root] = process.argv.slice(2) as [string, string];
  const required = new Set<string>();
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = loader._load;
  const vscode = standIn();
  loader._load = (request, parent, isMain) => {
    if (request === 'vscode') return vscode;
    if (!LIBRARIES.includes(request)) return original(request, parent, isMain);
    required.add(request);
    // The bundle sits in a temp folder: resolve the package from the repository.
    return original(require.resolve(request, { paths: [root] }), parent, isMain);
  };
  const steps: Record<string, string[]> = {};
  const step = (name: string, run: () => unknown): void => {
    run();
    steps[name] = [...required].sort();
    required.clear();
  };

  let probed: Probed | undefined;
  // require, not import(): the bundle must be loaded synchronously, within the 'load' step.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  step('load', () => (probed = require(bundle) as Probed));
  const api = probed!;
  const context = new Proxy({ subscriptions: [] as unknown[] } as Record<string | symbol, unknown>, {
    get: (target, prop) => (prop in target ? target[prop] : prop === 'then' ? undefined : standIn()),
  });
  // Synchronous steps only: the validation activate() starts in the background runs later.
  step('activate', () => api.activate(context));
  step('parseYaml', () => api.parseYaml('a: 1\n'));
  step('jsYamlValue', () => api.jsYamlValue('a: [1, 2]\n'));
  step('validateCodebook', () => api.validateCodebook(api.parseYaml('a: 1\n')));
  process.stdout.write(JSON.stringify(steps));
  process.exit(0);
}

main();
