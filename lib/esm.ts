/**
 * Loading ES-module-only packages (vega, vega-lite, h5wasm) from code that may run inside tslab.
 *
 * tslab turns `import()` into `require()`, which crashes on packages with top-level await. The
 * CommonJS shim `esm.cjs` keeps a real `import()`; this module exposes it with a cache. Keep every
 * use of it inside the library behind typed async functions, so notebooks never meet it.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { projectRoot } from './paths';

type Importer = (specifier: string) => Promise<unknown>;
let importer: Importer | null = null;
const cache = new Map<string, Promise<unknown>>();

/** Dynamically imports an ES module by name, from the project's node_modules. */
export function importESM<T = unknown>(specifier: string): Promise<T> {
  if (!importer) {
    const require = createRequire(path.join(projectRoot(), 'package.json'));
    importer = require(path.join(projectRoot(), 'lib', 'esm.cjs')) as Importer;
  }
  if (!cache.has(specifier)) cache.set(specifier, importer(specifier));
  return cache.get(specifier) as Promise<T>;
}
