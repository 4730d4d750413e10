// Bundles the extension (vscode stays external: the editor provides it) and the CLI.
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

async function main() {
  const contexts = await Promise.all([
    esbuild.context({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: `${outdir}/extension.js`, external: ['vscode'] }),
    esbuild.context({ ...common, entryPoints: ['src/cli/main.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } }),
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
