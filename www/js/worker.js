// The engine's worker: compares off the main thread so long inputs never freeze the page.
// It says `{ loaded: true }` once the module is ready; then one message in ({ id, call:
// 'compare' | 'limits', reports, options }), one message out ({ id, result } or { id,
// error, trapped }). js/engine.js sends the next request only after the answer. After a
// trap the wasm instance is dead: the page starts a new worker; to stop a comparison it
// ends this one.

import init, { compare, limits } from '../pkg/parallax.js';

const ready = init();
// A module that could not load still takes requests: each is answered with its error.
ready.finally(() => self.postMessage({ loaded: true })).catch(() => {});

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
