// The engine loader: the one place that talks to the wasm package, through a worker.
//
// `compare` queues a request and resolves with the result tree (offsets in UTF-16 code
// units, as JS strings index). Engine errors reject with an `Error` whose message says
// what is wrong. Every caller on the page (the page itself, every widget) shares the one
// worker, so when its module traps or the worker dies, every request still waiting is
// rejected, not only the one that trapped: a dead worker answers nothing more, and a
// caller left waiting would say "Comparing…" for ever. The next call starts a fresh
// worker: the callers' reports are never lost.
//
// Requests wait here, not in the worker, and the worker gets one at a time once it has
// loaded the module. So a request given up while it waits (its `signal` aborted) costs
// nothing, and one given up while the worker runs it ends the worker, which is the only
// way to stop a synchronous wasm call: a fresh worker starts at once and takes the next
// request. A comparison that was superseded never runs to the end in the background.

import { answerFor } from './answers.js';

export { fetchBundle, useAnswers } from './answers.js';

let worker = null;
let loaded = false; // the current worker has loaded the module and takes requests
let running = null; // the request the worker is running
const queue = []; // requests not yet given to the worker
let nextId = 0;

/** Rejects the running request and every queued one with `message`; ends the worker. */
function fail(message) {
  end();
  const waiting = queue.splice(0);
  if (running) waiting.unshift(running);
  running = null;
  for (const { reject } of waiting) reject(new Error(message));
}

function end() {
  worker?.terminate();
  worker = null;
  loaded = false;
}

function start() {
  performance.mark('parallax:engine-start');
  const current = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  current.onmessage = ({ data }) => {
    if (current !== worker) return; // a late answer from a worker already ended
    if (data.loaded) {
      loaded = true;
      performance.mark('parallax:engine-loaded');
      pump();
      return;
    }
    if (data.trapped) {
      fail(`the comparison engine failed and was restarted: ${data.error}`);
      return;
    }
    const request = running;
    if (!request || request.id !== data.id) return;
    running = null;
    if (data.error === undefined) request.resolve(data.result);
    else request.reject(new Error(data.error));
    pump();
  };
  current.onerror = (event) => {
    event.preventDefault();
    if (current === worker) fail(`the comparison engine could not run and was restarted: ${event.message || 'the worker stopped'}`);
  };
  worker = current;
  loaded = false;
}

/** Gives the worker the next request when it is free. */
function pump() {
  if (!worker) start();
  if (!loaded || running || queue.length === 0) return;
  const request = queue.shift();
  try {
    worker.postMessage({ id: request.id, ...request.message });
    running = request;
  } catch (error) { // input that cannot be cloned, such as a function
    request.reject(error);
    pump();
  }
}

/** Gives up `request`: dropped when it waits, the worker ended when it is running. */
function abandon(request, reason) {
  const at = queue.indexOf(request);
  if (at >= 0) queue.splice(at, 1);
  else if (running === request) {
    running = null;
    end();
    start(); // a fresh worker loads while the reader looks, for the next request
  } else return; // already answered
  request.reject(reason);
  pump();
}

/** Starts the worker, which loads the wasm module, before the first comparison. */
export function prepare() {
  if (!worker) start();
}

/**
 * Compares reports: an array of `{ id, title?, text }`. `options` may name the pairs to
 * lay out side by side (`{ sideBySide: [['000', '001']] }`) and units to put back
 * (`{ keep: ['001:u3'] }`). When `signal` (an `AbortSignal`) aborts, the comparison is
 * given up (ended in the worker if it has started) and the promise rejects with the
 * signal's reason, an `AbortError` by default. A request answered in advance
 * (js/answers.js, when the page called `useAnswers`) never reaches the worker.
 */
export async function compare(reports, options = undefined, { signal } = {}) {
  const answer = await answerFor(reports, options);
  if (signal?.aborted) throw signal.reason;
  if (answer) {
    performance.mark('parallax:answered-in-advance');
    return answer;
  }
  return request({ call: 'compare', reports, options }, signal);
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

function request(message, signal = undefined) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => abandon(request, signal.reason);
    const settle = (finish) => (value) => {
      signal?.removeEventListener('abort', onAbort);
      finish(value);
    };
    const request = { id: ++nextId, message, resolve: settle(resolve), reject: settle(reject) };
    signal?.addEventListener('abort', onAbort, { once: true });
    queue.push(request);
    pump();
  });
}
