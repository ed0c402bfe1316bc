// CommonJS shim that performs a real dynamic import().
// tslab compiles notebook cells and local .ts files to CommonJS and rewrites `import()` to `require()`,
// which fails for ES-module-only packages (vega, vega-lite, h5wasm). A genuine import() inside a .cjs
// file is left alone, so the library loads such packages through this one function (see lib/esm.ts).
module.exports = function importESM(specifier) {
  return import(specifier);
};
