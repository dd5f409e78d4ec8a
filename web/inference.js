// The inference loop: the editor's network → the inference worker (quantize once, run
// on the chosen input) → the panel; and the MCU estimate, recomputed on the page's
// thread whenever the network or the MCU changes. Nothing here edits the network: a
// failure is shown in the panel and the last results stay, marked stale.

import sourceOfInferenceWorker from 'worker:core';
import { errorDetails } from './analysis.js';
import { IMAGE } from './components/inference_panel.js';
import { imagePixels } from './image_pixels.js';
import { timedRuns } from './model/inference_view.js';
import { WorkerClient } from './worker_client.js';

const message = (error) => {
  const { path, reason } = errorDetails(error);
  return path ? `${path}: ${reason}` : reason;
};

export class Inference {
  #playground;
  #state;
  #panel;
  #client = null;
  #image = null;  // the chosen File
  #busy = false;

  constructor({ playground, state, panel }) {
    this.#playground = playground;
    this.#state = state;
    this.#panel = panel;
  }

  // A file chosen or dropped: remember it and run on it.
  chooseImage(file) {
    this.#image = file;
    this.#panel.chooseImage(file.name);
    this.run();
  }

  async run() {
    if (this.#busy) return;
    this.#busy = true;
    try {
      if (!this.#client || this.#client.terminated) this.#client = new WorkerClient(sourceOfInferenceWorker);
      const choice = this.#panel.choice;
      if (choice.kind === IMAGE && !this.#image) throw new Error('choose an image first (upload one, or drop it on the panel)');
      this.#panel.setBusy(true, 'Quantizing the network (seeded weights, 16 calibration samples)…');
      const summary = await this.#client.request('prepare', { spec: this.#state.text, seed: 1, calib: 16 });
      let input;
      let label;
      const transfer = [];
      if (choice.kind === IMAGE) {
        const pixels = await imagePixels(this.#image, summary.input_shape);
        input = { pixels };
        transfer.push(pixels.data.buffer);
        label = `image ${this.#image.name}`;
      } else {
        input = { pattern: choice.pattern, seed: choice.seed };
        label = `${choice.pattern}, seed ${choice.seed}`;
      }
      const runs = timedRuns(summary.macs);
      this.#panel.setBusy(true, `Running float and int8 (${runs} timed runs each)…`);
      const report = await this.#client.request('run', { input, runs, inputValues: true }, transfer);
      this.#panel.showResults(summary, report, label);
      this.#panel.setBusy(false, '');
    } catch (error) {
      this.#panel.showError(message(error));
      // A failure of the core itself (not the user's input) may leave the worker's module
      // broken: start a fresh worker next time.
      if (this.#client && error?.name !== 'PlaygroundError' && /tinyml core failed|worker failed/.test(error?.message ?? '')) {
        this.#client.terminate();
      }
    } finally {
      this.#busy = false;
    }
  }

  // The MCU estimate for the network in the editor (its MACs from the analysis).
  updateEstimate() {
    try {
      const { macs } = this.#playground.analyze(this.#state.text, {});
      this.#panel.showEstimate(this.#playground.estimateLatency({ mcu: this.#state.mcuOption, macs }));
    } catch (error) {
      this.#panel.showEstimate(null, message(error));
    }
  }
}
