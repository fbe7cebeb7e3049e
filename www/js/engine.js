// The engine loader: the one place that talks to the wasm package, through a worker.
//
// `compare` queues a request to the worker and resolves with the result tree (offsets in
// UTF-16 code units, as JS strings index). Engine errors reject with an `Error` whose
// message says what is wrong. Every caller on the page (the page itself, every widget)
// shares the one worker, so when its module traps or the worker dies, every request
// still waiting on it is rejected, not only the one that trapped: a dead worker answers
// nothing more, and a caller left waiting would say "Comparing…" for ever. The next call
// starts a fresh worker: the callers' reports are never lost.

let worker = null;
let nextId = 0;
const pending = new Map();

/** Ends the current worker and rejects every pending request with `message`. */
function fail(message) {
  worker?.terminate();
  worker = null;
  const waiting = [...pending.values()];
  pending.clear();
  for (const { reject } of waiting) reject(new Error(message));
}

function start() {
  const current = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  current.onmessage = ({ data }) => {
    if (current !== worker) return; // a late answer from a worker already ended
    if (data.trapped) {
      fail(`the comparison engine failed and was restarted: ${data.error}`);
      return;
    }
    const request = pending.get(data.id);
    if (!request) return;
    pending.delete(data.id);
    if (data.error === undefined) request.resolve(data.result);
    else request.reject(new Error(data.error));
  };
  current.onerror = (event) => {
    event.preventDefault();
    if (current === worker) fail(`the comparison engine could not run and was restarted: ${event.message || 'the worker stopped'}`);
  };
  worker = current;
}

/** Starts the worker, which loads the wasm module, before the first comparison. */
export function prepare() {
  if (!worker) start();
}

/**
 * Compares reports: an array of `{ id, title?, text }`. `options` may name the pairs to
 * lay out side by side (`{ sideBySide: [['000', '001']] }`) and units to put back
 * (`{ keep: ['001:u3'] }`).
 */
export function compare(reports, options = undefined) {
  return request({ call: 'compare', reports, options });
}

let knownLimits = null;

/** The engine's limits, `{ maxReports, maxReportBytes, maxTotalBytes }` (bytes of UTF-8). */
export function limits() {
  knownLimits ??= request({ call: 'limits' }).catch((error) => {
    knownLimits = null;
    throw error;
  });
  return knownLimits;
}

function request(message) {
  if (!worker) start();
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    try {
      worker.postMessage({ id, ...message });
    } catch (error) { // input that cannot be cloned, such as a function
      pending.delete(id);
      reject(error);
    }
  });
}
