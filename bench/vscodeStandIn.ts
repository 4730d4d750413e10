/**
 * A stand-in for the `vscode` module outside VS Code: it answers every property, call and
 * `new` with itself, so an extension bundle can load and activate() can wire up against it.
 * Used by bench/activation.ts and the lazy-library test.
 */
export function standIn(): unknown {
  const fn = function () {};
  const handler: ProxyHandler<typeof fn> = {
    get(_target, prop) {
      if (prop === 'then') return undefined; // not a thenable: `await standIn` resolves to it
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => '';
      return proxy;
    },
    // esbuild's __toESM copies a module's own keys onto an object inheriting from its prototype:
    // inheriting from the stand-in keeps every name answering.
    getPrototypeOf: () => proxy as object,
    set: () => true,
    defineProperty: () => true,
    apply: () => proxy,
    construct: () => proxy as object,
  };
  const proxy: unknown = new Proxy(fn, handler);
  return proxy;
}
