/**
 * Entry of the web build (package.json `browser`, bundled by esbuild for platform browser):
 * the same extension, run in VS Code's web worker extension host (vscode.dev, github.dev).
 * Files are read through vscode.workspace.fs already; the Node modules it imports are mapped
 * to ./shims.ts. A worker has setTimeout but not setImmediate, which the validation loop
 * yields with.
 */
const scope = globalThis as { setImmediate?: (callback: () => void) => unknown };
scope.setImmediate ??= (callback: () => void) => setTimeout(callback, 0);

export { activate, deactivate } from '../extension';
