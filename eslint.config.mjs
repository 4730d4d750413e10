// Lint: typescript-eslint's recommended rules plus the layer boundaries of ARCHITECTURE.md.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'process', 'timers', 'worker_threads', 'util', 'stream', 'http', 'https', 'net'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'esbuild.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is pure: text and offsets in, plain data out; I/O only through a Host.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', ...nodeBuiltins].map((name) => ({ name, message: 'src/core is pure: no vscode, no I/O, no process (see ARCHITECTURE.md).' })),
        patterns: [{ group: ['node:*'], message: 'src/core is pure: no node: modules (see ARCHITECTURE.md).' }],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core is pure: pass what you need in.' }, { name: 'setTimeout', message: 'src/core has no timers.' }, { name: 'setInterval', message: 'src/core has no timers.' }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The CLI must run without VS Code.' }] }],
    },
  },
);
