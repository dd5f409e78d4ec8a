// The inference panel: choose an input (a generated pattern or an image), run, and see
// float and int8 side by side — class scores, per-layer ranges and errors, the time in
// this browser, and the estimated time on the chosen MCU. It only draws and reports the
// user's choices; web/inference.js does the work.

import {
  agreementText, classRows, formatMs, inputPreviewPixels, latencyLines, layerErrorRows,
} from '../model/inference_view.js';
import { formatShape, formatShortCount } from '../model/format.js';
import { el, fill } from './dom.js';
import { DrawingPad, TestImagePicker } from './dataset_input.js';

export const PATTERNS = ['noise', 'gradient', 'checkerboard', 'rings'];
export const IMAGE = 'image';
// Fashion-MNIST inputs (components/dataset_input.js).
export const TEST_IMAGE = 'test-image';
export const DRAWING = 'drawing';

const score = (value) => value.toFixed(3);

export class InferencePanel {
  #input;
  #seed;
  #file;
  #fileName;
  #run;
  #status;
  #estimate;
  #results;
  #weightsNote;
  testImage;
  drawing;

  // onRun(), onImage(File), onInputChange() (optional), onTestImage() (the test image
  // number changed or its input was chosen), onDrawn() (a stroke ended)
  constructor(root, { onRun, onImage, onInputChange = () => {}, onTestImage = () => {}, onDrawn = () => {} }) {
    this.testImage = new TestImagePicker({ onChange: onTestImage });
    this.drawing = new DrawingPad({ onDrawn });
    this.#input = el('select', { id: 'inference-input', onchange: () => {
      this.#showInputControls();
      onInputChange();
      if (this.#input.value === TEST_IMAGE) onTestImage();
    } },
      ...PATTERNS.map((name) => el('option', { value: name }, `Pattern: ${name}`)),
      el('option', { value: IMAGE }, 'Image (upload or drop)'),
      el('option', { value: TEST_IMAGE }, 'Fashion-MNIST test image'),
      el('option', { value: DRAWING }, 'Draw one (28×28)'));
    this.#seed = el('input', { id: 'inference-seed', type: 'number', min: '0', max: '2147483647', step: '1', value: '1', onchange: onInputChange });
    this.#file = el('input', {
      id: 'inference-file', type: 'file', accept: 'image/*',
      onchange: () => { if (this.#file.files[0]) onImage(this.#file.files[0]); },
    });
    this.#fileName = el('span', { className: 'note' }, 'no image yet');
    this.#run = el('button', { id: 'inference-run', type: 'button', className: 'primary', onclick: onRun }, 'Run inference');
    this.#status = el('p', { id: 'inference-status', className: 'inference-status', role: 'status', ariaLive: 'polite' });
    this.#estimate = el('div', { className: 'latency-estimate', dataset: { testid: 'latency' } });
    this.#results = el('div', { className: 'inference-results' },
      el('p', { className: 'card-note' }, 'Choose an input and run: the network in the editor is quantized once (in a background worker), then run in float and int8.'));
    fill(root,
      el('h2', {}, 'Int8 inference, float beside it'),
      this.#weightsNote = el('div', { dataset: { testid: 'weights-note' } }),
      el('div', { className: 'inference-controls' },
        el('label', { className: 'field' }, el('span', {}, 'Input'), this.#input),
        el('label', { className: 'field seed-field' }, el('span', {}, 'Seed'), this.#seed),
        el('label', { className: 'field file-field' }, el('span', {}, 'Image'), this.#file, this.#fileName),
        this.testImage.element, this.drawing.element,
        this.#run),
      el('p', { className: 'card-note' }, 'Images are resized (stretched) to the network input, grey or RGB as it takes, values mapped to [−1, 1]; patterns come from the core. Weights seed 1 unless trained, 16 calibration samples, as ',
        el('code', {}, 'tinyml quantize'), ' does by default. Fashion-MNIST test images and drawings go in as the trainer feeds them: pixel ÷ 255 in [0, 1], centred with zero padding in a larger input.'),
      this.#status, this.#estimate, this.#results);
    root.addEventListener('dragover', (event) => { event.preventDefault(); root.classList.add('dropping'); });
    root.addEventListener('dragleave', () => root.classList.remove('dropping'));
    root.addEventListener('drop', (event) => {
      event.preventDefault();
      root.classList.remove('dropping');
      const file = event.dataTransfer?.files?.[0];
      if (file) onImage(file);
    });
    this.#showInputControls();
    this.showWeights(null);
  }

  // weights: null (seeded) or {source: 'shipped' | 'browser', report} — which weights the
  // next run uses, and how well they do on the test set.
  showWeights(weights) {
    if (!weights) {
      fill(this.#weightsNote, el('p', { className: 'seeded-warning' }, el('strong', {}, 'Seeded weights, not trained ones. '),
        'This network has no trained weights here: the weights are drawn from a fixed seed, so the class numbers mean nothing and the scores recognise nothing. ',
        'Train it below (or pick FashionTinyNet or FashionMCUNet, which ship trained weights). ',
        'What is real: the int8 arithmetic (exactly TensorFlow Lite Micro\'s), the error it adds to the float network, and the time.'));
      return;
    }
    const { report } = weights;
    const accuracy = report
      ? ` Test accuracy on ${report.test_images} Fashion-MNIST images: float ${report.float_test_accuracy_percent.toFixed(2)}%, int8 ${report.int8_test_accuracy_percent.toFixed(2)}% (int8 calibrated on ${report.calibration_images} training images; here on 16 generated samples, as tinyml quantize does).`
      : '';
    fill(this.#weightsNote, el('p', { className: 'trained-note' }, el('strong', {},
      weights.source === 'shipped' ? 'Trained weights, shipped with the preset. ' : 'Trained weights, from your training run in this browser. '),
    `Classes are Fashion-MNIST's.${accuracy}`));
  }

  // {kind: 'pattern', pattern, seed} or {kind: 'image'}
  get choice() {
    const value = this.#input.value;
    if (value === TEST_IMAGE) return { kind: TEST_IMAGE, index: this.testImage.index };
    if (value === DRAWING) return { kind: DRAWING };
    return value === IMAGE ? { kind: IMAGE } : { kind: 'pattern', pattern: value, seed: Number(this.#seed.value) || 0 };
  }

  chooseImage(name) {
    this.#input.value = IMAGE;
    this.#fileName.textContent = name;
    this.#showInputControls();
  }

  setBusy(busy, message) {
    this.#run.disabled = busy;
    this.#status.classList.remove('error');
    this.#status.textContent = message ?? '';
  }

  showError(message) {
    this.#run.disabled = false;
    this.#status.classList.add('error');
    this.#status.textContent = message;
    this.#results.classList.add('stale');
  }

  showEstimate(estimate, error) {
    if (!estimate) {
      fill(this.#estimate, error ? el('p', { className: 'note' }, `No MCU estimate: ${error}`) : null);
      return;
    }
    const lines = latencyLines(estimate);
    fill(this.#estimate,
      el('h3', {}, 'Estimated time on the MCU'),
      el('p', { className: 'latency-headline', dataset: { testid: 'latency-headline' } }, el('strong', {}, lines.headline), ` = ${lines.sum}`),
      el('p', { className: 'note' }, 'An estimate, not a measurement: MACs × cycles per MAC for the core ÷ clock. ',
        'Flash wait states, caches, the layer mix and the non-MAC ops change the real time. ', lines.basis, ' ', lines.source));
  }

  // Chooses an input kind (TEST_IMAGE, DRAWING, IMAGE or a pattern) as if picked.
  chooseInput(kind) {
    this.#input.value = kind;
    this.#showInputControls();
  }

  // summary: the prepared network (InferenceSession fields); report: the compare report;
  // classNames: names by class index (trained weights), or null for "class N";
  // inputRange: the network input's value range, for its preview ([−1, 1] or [0, 1]).
  showResults(summary, report, inputLabel, { classNames = null, inputRange = [-1, 1] } = {}) {
    this.#results.classList.remove('stale');
    const rows = classRows(report.output, report.int8_output);
    const timing = report.timing;
    const output = report.int8_output;
    fill(this.#results,
      inputPreview(report.input, inputRange),
      el('p', { className: 'inference-summary' },
        `${summary.model}: input ${formatShape(summary.input_shape)} (${inputLabel}), ${formatShortCount(summary.macs)} MACs, int8 arena ${(summary.arena_bytes / 1024).toFixed(1)} KB. `,
        el('strong', { dataset: { testid: 'agreement' } }, agreementText(report.output))),
      timing ? el('p', { className: 'browser-time', dataset: { testid: 'browser-time' } },
        'In this browser (wasm, one thread): ', el('strong', {}, `int8 ${formatMs(timing.int8_median_ms)}`), ', ',
        el('strong', {}, `float ${formatMs(timing.float_median_ms)}`), ` per inference, median of ${timing.runs} runs, after untimed warm-up runs (int8 ${timing.int8_warmup_runs}, float ${timing.float_warmup_runs}) while the browser optimizes the wasm code.`) : null,
      el('h3', {}, rows.length < report.output.float.length
        ? `Class scores (top ${rows.length} of ${report.output.float.length} by float score)` : 'Class scores'),
      scoreTable(rows, classNames),
      el('details', { className: 'int8-output' },
        el('summary', {}, `The int8 output, all ${output.int8.length} values (scale ${output.scale.toPrecision(4)}, zero point ${output.zero_point})`),
        el('code', { dataset: { testid: 'int8-output' } }, output.int8.join(' '))),
      el('h3', {}, 'Layer by layer: float range and int8 error'),
      el('p', { className: 'card-note' }, 'Error = |dequantized int8 − float| over the tensor on this input; steps = max error ÷ the int8 scale (rounding alone gives 0.5).'),
      layerTable(report.layers));
  }

  #showInputControls() {
    const image = this.#input.value === IMAGE;
    this.#seed.closest('label').hidden = image;
    this.#file.closest('label').hidden = !image;
    this.testImage.element.hidden = this.#input.value !== TEST_IMAGE;
    this.drawing.element.hidden = this.#input.value !== DRAWING;
    this.#seed.closest('label').hidden = image || this.#input.value === TEST_IMAGE || this.#input.value === DRAWING;
  }
}

function scoreTable(rows, classNames) {
  const top = Math.max(...rows.map((row) => Math.max(Math.abs(row.float), Math.abs(row.int8))), 1e-9);
  // Bars grow from a zero line in the middle: right for positive scores, left for negative.
  const bar = (value, kind) => {
    const width = (50 * Math.abs(value)) / top;
    const left = value >= 0 ? 50 : 50 - width;
    return el('span', { className: `score-bar ${kind}`, style: `margin-left: ${left.toFixed(1)}%; width: ${width.toFixed(1)}%` });
  };
  const head = ['Class', 'Float', 'Int8 (dequantized)', 'Int8 value', 'Float / int8']
    .map((label, index) => el('th', { scope: 'col', className: index > 0 && index < 4 ? 'num' : '' }, label));
  const body = rows.map((row) => el('tr', { className: row.floatRank === 0 || row.int8Rank === 0 ? 'top-class' : '' },
    el('td', { dataset: { testid: 'class-name' } }, classNames ? `${row.index} ${classNames[row.index]}` : `class ${row.index}`),
    el('td', { className: 'num' }, score(row.float)),
    el('td', { className: 'num' }, score(row.int8)),
    el('td', { className: 'num', dataset: { testid: 'int8-q' } }, String(row.q)),
    el('td', { className: 'score-cell' }, el('div', { className: 'score-bars' }, bar(row.float, 'float'), bar(row.int8, 'int8')))));
  return el('div', { className: 'table-scroll' },
    el('table', { className: 'data-table compact scores-table' }, el('thead', {}, el('tr', {}, head)), el('tbody', {}, body)));
}

function layerTable(layers) {
  const head = ['Tensor', 'Shape', 'Float range', 'Int8 range', 'Scale', 'Max error', 'Mean error', 'Steps']
    .map((label, index) => el('th', { scope: 'col', className: index > 1 ? 'num' : '' }, label));
  const body = layerErrorRows(layers).map((row) => el('tr', {},
    el('td', {}, row.name), el('td', {}, row.shape),
    ...[row.floatRange, row.int8Range, row.scale, row.maxError, row.meanError, row.steps].map((text) => el('td', { className: 'num' }, text))));
  return el('div', { className: 'table-scroll tall' },
    el('table', { className: 'data-table compact', id: 'inference-layers' }, el('thead', {}, el('tr', {}, head)), el('tbody', {}, body)));
}

// The input as the network sees it (after resizing and channel conversion), enlarged.
function inputPreview(input, range) {
  const pixels = inputPreviewPixels(input, range);
  if (!pixels) return null;
  const canvas = el('canvas', { className: 'input-preview', width: pixels.width, height: pixels.height, ariaLabel: 'The network input' });
  canvas.getContext('2d').putImageData(new ImageData(pixels.data, pixels.width, pixels.height), 0, 0);
  return el('figure', { className: 'input-figure' }, canvas, el('figcaption', {}, 'The network input'));
}
