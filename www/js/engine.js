// The engine loader: the one place that touches the wasm package.
//
// `init` runs once; every call after that reuses the instance. Errors from the engine
// arrive as JS `Error`s whose message says what was wrong with the input.

import init, { compare as wasmCompare } from '../pkg/parallax.js';

let ready = null;

/** Loads and instantiates the wasm module once; resolves when it can be called. */
export function loadEngine() {
  ready ??= init().catch((error) => {
    ready = null; // let a later call try again
    throw new Error(`the comparison engine could not load: ${error.message ?? error}`);
  });
  return ready;
}

/**
 * Compares reports: an array of `{ id, title?, text }`; `options` may name the pairs to
 * lay out side by side (`{ sideBySide: [['000', '001']] }`).
 * Resolves to the engine's result tree (offsets in UTF-16 code units, as JS strings index).
 */
export async function compare(reports, options = undefined) {
  await loadEngine();
  try {
    return wasmCompare(reports, options);
  } catch (error) {
    throw error instanceof Error ? error : new Error(String(error));
  }
}
