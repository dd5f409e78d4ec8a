// Runs TinyNAS searches in a Web Worker (web/workers/core_worker.js), one at a time, so
// the page stays responsive while the core measures thousands of networks.
//
// Cancelling terminates the worker, and the next search starts a fresh one. The search
// is a single synchronous wasm call, during which the worker reads no messages, so a
// "stop" message would only arrive after the search had ended; a shared flag would need
// SharedArrayBuffer, which needs cross-origin isolation headers that file:// and plain
// static hosting do not give. What was streamed before the cancel (points, best so far)
// is the page's to keep; starting a worker again costs one module instantiation.
//
// The worker is built from a Blob URL holding its bundled source (tools/build-web.mjs),
// the only way a worker starts from a page opened from disk.

import workerSource from 'worker:core';

export class NasCancelled extends Error {
  constructor() {
    super('the search was cancelled');
    this.name = 'NasCancelled';
  }
}

export class NasRunner {
  #worker = null;
  #url = null;
  #nextId = 1;
  #running = null;  // {id, onProgress, resolve, reject}

  get running() {
    return this.#running !== null;
  }

  // request: the NAS request (docs/nas-result.md). onProgress(increment) as api.js's
  // nas(). Resolves to the result; rejects with the core's error ({path, reason, ...})
  // or with NasCancelled.
  run(request, onProgress = () => {}) {
    if (this.#running) return Promise.reject(new Error('a search is already running'));
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#running = { id, onProgress, resolve, reject };
      worker.postMessage({ id, action: 'nas', request });
    });
  }

  // Start the worker (and its wasm module) ahead of a search.
  prepare() {
    this.#ensureWorker();
  }

  cancel() {
    if (!this.#running) return;
    const { reject } = this.#running;
    this.#running = null;
    this.#worker?.terminate();
    this.#worker = null;
    reject(new NasCancelled());
    this.prepare();  // the next search need not wait for a module to load
  }

  #ensureWorker() {
    if (this.#worker) return this.#worker;
    this.#url ??= URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
    const worker = new Worker(this.#url);
    worker.onmessage = ({ data }) => this.#receive(data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.#finish((running) => running.reject(new Error(`the NAS worker failed: ${event.message ?? 'unknown error'}`)));
      this.#worker?.terminate();
      this.#worker = null;
    };
    this.#worker = worker;
    return worker;
  }

  #receive({ id, progress, result, error }) {
    if (!this.#running || id !== this.#running.id) return;  // from a cancelled search
    if (progress) this.#running.onProgress(progress);
    else if (error) this.#finish((running) => running.reject(Object.assign(new Error(error.message), error)));
    else this.#finish((running) => running.resolve(result));
  }

  #finish(settle) {
    const running = this.#running;
    this.#running = null;
    if (running) settle(running);
  }
}
