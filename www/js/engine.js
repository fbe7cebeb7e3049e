// The engine loader: the one place that talks to the wasm package, through a worker.
//
// `compare` queues a request to the worker and resolves with the result tree (offsets in
// UTF-16 code units, as JS strings index). Engine errors reject with an `Error` whose
// message says what is wrong. If the module traps or the worker dies, pending requests
// fail with a clear message and the next call starts a fresh worker: the page's reports
// are never lost.

let worker = null;
let nextId = 0;
const pending = new Map();

function failAll(message) {
  for (const { reject } of pending.values()) reject(new Error(message));
  pending.clear();
}

function start() {
  worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }) => {
    const request = pending.get(data.id);
    if (!request) return;
    pending.delete(data.id);
    if (data.error === undefined) {
      request.resolve(data.result);
      return;
    }
    if (data.trapped) {
      restart();
      request.reject(new Error(`the comparison engine failed and was restarted: ${data.error}`));
    } else {
      request.reject(new Error(data.error));
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    restart();
    failAll(`the comparison engine could not run: ${event.message || 'the worker stopped'}`);
  };
}

function restart() {
  worker?.terminate();
  worker = null;
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
    worker.postMessage({ id, ...message });
  });
}
