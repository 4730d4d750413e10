// Bundles the extension (vscode stays external: the editor provides it) and the CLI.
const path = require('node:path');
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--outdir DIR`: somewhere else than dist/ (the benchmark builds the shipped bundle aside).
const outdir = process.argv.includes('--outdir') ? process.argv[process.argv.indexOf('--outdir') + 1] : 'dist';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
  mainFields: ['module', 'main'],
};

// The web build (vscode.dev, github.dev, VS Code's web worker extension host) may use no
// Node module: the three the extension imports go to src/extension/web/shims.ts, any other
// `node:*` or Node built-in fails the build instead of failing in the browser.
const WEB_SHIMS = new Set(['node:crypto', 'node:child_process', 'node:os']);
const webNodeModules = {
  name: 'claimbook-web-node-modules',
  setup(build) {
    const shims = path.resolve(__dirname, 'src/extension/web/shims.ts');
    build.onResolve({ filter: /^node:/ }, (args) =>
      WEB_SHIMS.has(args.path) ? { path: shims } : { errors: [{ text: `${args.path} (imported by ${args.importer}) cannot run in the web build` }] },
    );
  },
};

const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  external: ['vscode'],
  plugins: [webNodeModules],
};

async function main() {
  const contexts = await Promise.all([
    esbuild.context({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: `${outdir}/extension.js`, external: ['vscode'] }),
    esbuild.context({ ...common, entryPoints: ['src/cli/main.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } }),
    esbuild.context({ ...web, entryPoints: ['src/extension/web/extension.ts'], outfile: `${outdir}/web/extension.js` }),
    // The CLI's second core (src/cli/splitCheck.ts) loads this beside cli.js.
    esbuild.context({ ...common, entryPoints: ['src/cli/checkWorker.ts'], outfile: `${outdir}/checkWorker.js` }),
    // `claimbook agree` loads its sources at the same time (src/cli/agreeSources.ts) with this one.
    esbuild.context({ ...common, entryPoints: ['src/cli/agreeWorker.ts'], outfile: `${outdir}/agreeWorker.js` }),
  ]);
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
