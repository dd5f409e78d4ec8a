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
//
// A request with objective "accuracy" (issue 6) trains on Fashion-MNIST: the worker gets
// the page's subsets first (loaded on demand, once per worker), and the run goes through
// the worker's nasAccuracy action, whose training phase runs in slices: cancelling then
// sends nasAccuracyCancel, and the run resolves with what was measured (cancelled: true).
// estimate(request) asks the worker for the training phase's time before a run.

import workerSource from 'worker:core';
import { fashionMnist } from './page_data.js';

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
  #pending = new Map();  // id → {resolve, reject}: data loads and estimates
  #loaded = null;  // a Promise: the worker has the data sets
  #training = false;  // the running search (objective accuracy) is in its training phase

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
    const accuracy = request?.objective === 'accuracy';
    this.#training = false;
    return new Promise((resolve, reject) => {
      this.#running = { id, onProgress, resolve, reject, accuracy };
      if (!accuracy) {
        worker.postMessage({ id, action: 'nas', request });
        return;
      }
      this.#ensureData().then(() => {
        if (this.#running?.id === id) this.#worker.postMessage({ id, action: 'nasAccuracy', request });
      }, (error) => {
        if (this.#running?.id === id) this.#finish((running) => running.reject(error));
      });
    });
  }

  // → a Promise of {estimate, candidates, images_total} (core/api_nas_accuracy.hpp): the
  // training phase's time for a request with objective accuracy, measured in the worker.
  async estimate(request) {
    await this.#ensureData();
    return this.#request('nasAccuracyEstimate', { request });
  }

  // Loads the page's Fashion-MNIST subsets into the worker, once per worker.
  #ensureData() {
    this.#ensureWorker();
    if (!this.#loaded) {
      const loaded = Promise.all([fashionMnist('train'), fashionMnist('test')])
        .then(([train, test]) => this.#request('load', { train, test }));
      loaded.catch(() => { if (this.#loaded === loaded) this.#loaded = null; });
      this.#loaded = loaded;
    }
    return this.#loaded;
  }

  #request(action, args) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, action, ...args });
    });
  }

  // Start the worker (and its wasm module) ahead of a search.
  prepare() {
    this.#ensureWorker();
  }

  cancel() {
    if (!this.#running) return;
    if (this.#running.accuracy && this.#training) {
      // Read between the training phase's slices; the run resolves with cancelled: true.
      this.#worker.postMessage({ id: this.#nextId++, action: 'nasAccuracyCancel' });
      return;
    }
    this.#dropPending();
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
      this.#dropPending();
    };
    this.#worker = worker;
    return worker;
  }

  // The worker is gone: its data and pending requests with it.
  #dropPending() {
    this.#loaded = null;
    for (const { reject } of this.#pending.values()) reject(new NasCancelled());
    this.#pending.clear();
  }

  #receive({ id, progress, result, error }) {
    const pending = this.#pending.get(id);
    if (pending) {
      this.#pending.delete(id);
      if (error) pending.reject(Object.assign(new Error(error.message), error));
      else pending.resolve(result);
      return;
    }
    if (!this.#running || id !== this.#running.id) return;  // from a cancelled search
    if (progress?.phase === 'estimate') this.#training = true;
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
