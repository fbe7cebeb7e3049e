// The engine's worker: compares off the main thread so long inputs never freeze the page.
// One message in ({ id, call: 'compare' | 'limits', reports, options }), one message out
// ({ id, result } or { id, error, trapped }). After a trap the wasm instance is dead: the
// page starts a new worker.

import init, { compare, limits } from '../pkg/parallax.js';

const ready = init();

self.onmessage = async ({ data }) => {
  const { id, call = 'compare', reports, options } = data;
  try {
    await ready;
    const result = call === 'limits' ? limits() : compare(reports, options);
    self.postMessage({ id, result });
  } catch (error) {
    const trapped = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, error: error?.message ?? String(error), trapped });
  }
};
