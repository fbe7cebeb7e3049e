// The engine's worker: compares off the main thread so long inputs never freeze the page.
// One message in ({ id, reports, options }), one message out ({ id, result } or
// { id, error, trapped }). After a trap the wasm instance is dead: the page starts a new
// worker.

import init, { compare } from '../pkg/parallax.js';

const ready = init();

self.onmessage = async ({ data }) => {
  const { id, reports, options } = data;
  try {
    await ready;
    self.postMessage({ id, result: compare(reports, options) });
  } catch (error) {
    const trapped = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, error: error?.message ?? String(error), trapped });
  }
};
