// The inference loop: the editor's network → the inference worker (quantize once, run
// on the chosen input) → the panel; and the MCU estimate, recomputed on the page's
// thread whenever the network or the MCU changes. Nothing here edits the network: a
// failure is shown in the panel and the last results stay, marked stale.

import sourceOfInferenceWorker from 'worker:core';
import { errorDetails } from './analysis.js';
import { DRAWING, IMAGE, TEST_IMAGE } from './components/inference_panel.js';
import { imagePixels } from './image_pixels.js';
import { FASHION_CLASSES, datasetInput, imageSet } from './model/fashion_mnist.js';
import { fashionMnist } from './page_data.js';
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
  #trainedWeights;
  #testSet = null;

  // trainedWeights(text) → a Promise of {source, key, weights, report} or null (seeded).
  constructor({ playground, state, panel, trainedWeights = async () => null }) {
    this.#playground = playground;
    this.#state = state;
    this.#panel = panel;
    this.#trainedWeights = trainedWeights;
  }

  // The Fashion-MNIST test set, loaded on first use (about 1.2 MB).
  async #testImages() {
    this.#testSet ??= fashionMnist('test').then((files) => imageSet(files, 'test'));
    this.#testSet.catch(() => { this.#testSet = null; });
    return this.#testSet;
  }

  // Which weights the network in the editor would run with (shown in the panel).
  async showWeights() {
    try {
      this.#panel.showWeights(await this.#trainedWeights(this.#state.text));
    } catch {
      this.#panel.showWeights(null);
    }
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
      if (choice.kind === DRAWING && this.#panel.drawing.empty) throw new Error('draw something first (white on black, like the data set)');
      const text = this.#state.text;
      const trained = await this.#trainedWeights(text).catch(() => null);
      this.#panel.showWeights(trained);
      this.#panel.setBusy(true, `Quantizing the network (${trained ? 'trained' : 'seeded'} weights, 16 calibration samples)…`);
      const summary = await this.#client.request('prepare', { spec: text, seed: 1, calib: 16, weights: trained?.weights ?? null, weightsKey: trained?.key ?? null });
      let input;
      let label;
      let dataset = false;
      const transfer = [];
      if (choice.kind === TEST_IMAGE || choice.kind === DRAWING) {
        let pixels;
        if (choice.kind === TEST_IMAGE) {
          this.#panel.setBusy(true, 'Loading the Fashion-MNIST test images…');
          const images = await this.#testImages();
          const index = Math.min(choice.index, images.count - 1);
          pixels = images.image(index);
          this.#panel.testImage.show(index, pixels, images.label(index), images.count);
          label = `test image #${index}, true class ${images.label(index)} ${FASHION_CLASSES[images.label(index)]}`;
        } else {
          pixels = this.#panel.drawing.pixels;
          label = 'your drawing';
        }
        input = { tensor: datasetInput(pixels, 28, 28, summary.input_shape), layout: 'chw' };
        dataset = true;
      } else if (choice.kind === IMAGE) {
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
      this.#panel.showResults(summary, report, label, {
        classNames: trained && report.output.float.length === FASHION_CLASSES.length ? FASHION_CLASSES : null,
        inputRange: dataset ? [0, 1] : [-1, 1],
      });
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
