// The training loop of the page: the editor's network → the training worker (the data
// set loaded once, then training in slices with progress) → the panel; the result is kept
// in this browser per network text (model/trained_store.js) and handed to the inference
// panel. Nothing here edits the network.

// The core worker's source also serves training (web/workers/core_worker.js).
import sourceOfTrainingWorker from 'worker:core';
import { errorDetails } from './analysis.js';
import { takesFashionMnist } from './model/fashion_mnist.js';
import { fashionMnist } from './page_data.js';
import { WorkerClient } from './worker_client.js';

const message = (error) => {
  const { path, reason } = errorDetails(error);
  return path ? `${path}: ${reason}` : reason;
};

function inputShapeOf(text) {
  try {
    return JSON.parse(text)?.input ?? null;
  } catch {
    return null;
  }
}

export class Training {
  #state;
  #panel;
  #store;
  #onTrained;
  #client = null;
  #loaded = false;
  #running = false;
  #cancelled = false;  // Cancel pressed before the worker got the run (while the data loads)
  #last = null;  // the last run: {text, weights, int8_model}, for downloads

  constructor({ state, panel, store, onTrained = () => {} }) {
    this.#state = state;
    this.#panel = panel;
    this.#store = store;
    this.#onTrained = onTrained;
  }

  // The stored result for the network in the editor, if any (after a reload or an edit).
  showStored() {
    if (this.#running) return;
    const stored = this.#store.get(this.#state.text);
    if (stored) this.#panel.showResult(stored.report, { restored: new Date(stored.saved).toLocaleString() });
    else this.#panel.clearResult();
  }

  async train(options) {
    if (this.#running) return;
    const text = this.#state.text;
    const shape = inputShapeOf(text);
    if (shape && !takesFashionMnist(shape)) {
      this.#panel.status(`This network takes ${shape.join('×')} input; training on Fashion-MNIST needs 1×H×W grey input with H and W at least 28 (e.g. the FashionTinyNet or FashionMCUNet preset).`, true);
      return;
    }
    this.#panel.start('Loading Fashion-MNIST…');
    this.#running = true;
    this.#cancelled = false;
    try {
      if (!this.#client || this.#client.terminated) {
        this.#client = new WorkerClient(sourceOfTrainingWorker);
        this.#loaded = false;
      }
      if (!this.#loaded) {
        const [train, test] = await Promise.all([fashionMnist('train'), fashionMnist('test')]);
        await this.#client.request('load', { train, test });
        this.#loaded = true;
      }
      if (this.#cancelled) {
        this.#panel.stop();
        this.#panel.status('Cancelled before training started.');
        return;
      }
      this.#panel.status('Starting…');
      const result = await this.#client.request('train', { spec: text, options }, [], (update) => {
        if (update.progress) this.#panel.showProgress(update.progress);
        if (update.evaluating) this.#panel.status('Measuring float and int8 test accuracy…');
      });
      if (result.cancelled) {
        this.#panel.stop();
        this.#panel.status(`Cancelled after ${result.progress.steps_done} of ${result.progress.total_steps} batches; nothing was kept.`);
        return;
      }
      const report = { ...result };
      delete report.weights;
      delete report.int8_model;
      let kept = '';
      try {
        this.#store.put(text, { weights: result.weights, int8_model: result.int8_model, report });
      } catch (error) {
        kept = ` ${error.message}`;
      }
      this.#last = { text, weights: result.weights, int8_model: result.int8_model };
      this.#panel.showResult(report);
      this.#panel.status(`Trained: ${result.images} images in ${report.epochs.length} epochs.${kept}`, Boolean(kept));
      this.#onTrained();
    } catch (error) {
      this.#panel.stop();
      this.#panel.status(message(error), true);
      if (this.#client && error?.name !== 'PlaygroundError' && /tinyml core failed|worker failed/.test(error?.message ?? '')) this.#client.terminate();
    } finally {
      this.#running = false;
    }
  }

  cancel() {
    if (!this.#running) return;
    this.#cancelled = true;
    this.#client?.request('cancel').catch(() => {});
  }

  // kind: 'weights' | 'int8' — the run for the network in the editor, as a file.
  download(kind) {
    const text = this.#state.text;
    const entry = this.#last?.text === text ? this.#last : this.#store.get(text);
    if (!entry) return;
    const name = (inputNameOf(text) ?? 'network').replace(/[^A-Za-z0-9_-]+/g, '_');
    const [file, body] = kind === 'int8' ? [`${name}.int8.json`, entry.int8_model] : [`${name}.weights.json`, entry.weights];
    const url = URL.createObjectURL(new Blob([JSON.stringify(body)], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: file });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

function inputNameOf(text) {
  try {
    return JSON.parse(text)?.name ?? null;
  } catch {
    return null;
  }
}
