// Starts a Web Worker built into the page (tools/build-web.mjs inlines each worker's
// bundle as a string) from a Blob URL — what works from file:// too — and speaks its
// {id, action, ...args} → {id, result | error} protocol. Errors come back as
// PlaygroundErrors (path, reason) when the core reported them.
import { PlaygroundError } from '../wasm/api.js';

export class WorkerClient {
  #worker;
  #next = 0;
  #pending = new Map();
  terminated = false;

  // source: the worker's bundled code (import source from 'worker:NAME').
  constructor(source) {
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    this.#worker = new Worker(url);
    this.#worker.onmessage = ({ data: { id, result, error, progress } }) => {
      const pending = this.#pending.get(id);
      if (!pending) return;
      if (progress !== undefined) {
        pending.onProgress?.(progress);
        return;
      }
      this.#pending.delete(id);
      if (error) pending.reject(error.name === 'PlaygroundError' ? new PlaygroundError({ ...error, message: error.reason }) : new Error(error.message));
      else pending.resolve(result);
    };
    this.#worker.onerror = (event) => {
      event.preventDefault();
      this.terminate(new Error(`the worker failed: ${event.message}`));
    };
  }

  // Stops the worker; pending requests fail with `reason`. A terminated client is not reused.
  terminate(reason = new Error('the worker was stopped')) {
    this.#worker.terminate();
    this.terminated = true;
    for (const { reject } of this.#pending.values()) reject(reason);
    this.#pending.clear();
  }

  // → a Promise of the action's result. transfer: ArrayBuffers to move, not copy.
  // onProgress(progress): called for each {id, progress} message before the result.
  request(action, args = {}, transfer = [], onProgress = null) {
    const id = ++this.#next;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      this.#worker.postMessage({ id, action, ...args }, transfer);
    });
  }
}
