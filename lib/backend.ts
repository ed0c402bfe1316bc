/**
 * The tensor backend: `initBackend()` picks tensorflow (native, when installed), else wasm, else cpu.
 * This file is the entry point (tslab cannot import the folder `lib/backend/`); the resolver and the
 * wasm kernels the project supplies live in `lib/backend/`.
 */
export * from './backend/index';
