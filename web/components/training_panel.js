// The training panel: options, Train / Cancel, a progress bar, live loss and training-
// accuracy curves (Chart.js), then float and int8 test accuracy side by side with the
// int8 drop, and downloads of the weights and the int8 model. It only draws and reports
// the user's choices; web/training.js does the work.

import { Chart } from './chart_setup.js';
import { el, fill } from './dom.js';

const percent = (value) => `${value.toFixed(2)}%`;

export class TrainingPanel {
  #epochs;
  #subset;
  #train;
  #cancel;
  #bar;
  #status;
  #chart;
  #result;
  #downloads;
  #canvas;

  // onTrain({epochs, train_subset}), onCancel(), onDownload(kind: 'weights' | 'int8')
  constructor(root, { onTrain, onCancel, onDownload }) {
    this.#epochs = el('input', { id: 'training-epochs', type: 'number', min: '1', max: '50', step: '1', value: '2' });
    this.#subset = el('select', { id: 'training-subset' },
      ...[1000, 3000, 6000].map((n) => el('option', { value: String(n), selected: n === 6000 }, `${n} images`)));
    this.#train = el('button', { id: 'training-run', type: 'button', className: 'primary', onclick: () => onTrain(this.options) }, 'Train');
    this.#cancel = el('button', { id: 'training-cancel', type: 'button', disabled: true, onclick: onCancel }, 'Cancel');
    this.#bar = el('progress', { id: 'training-progress', max: 1, value: 0 });
    this.#status = el('p', { id: 'training-status', className: 'inference-status', role: 'status', ariaLive: 'polite' });
    const canvas = el('canvas', { id: 'training-chart', ariaLabel: 'Loss and training accuracy while training' });
    this.#canvas = canvas;
    this.#result = el('div', { className: 'training-result', dataset: { testid: 'training-result' } });
    this.#downloads = el('p', { className: 'training-downloads' },
      el('button', { id: 'training-download-weights', type: 'button', onclick: () => onDownload('weights') }, 'Download float weights (.json)'),
      el('button', { id: 'training-download-int8', type: 'button', onclick: () => onDownload('int8') }, 'Download int8 model (.json)'));
    this.#downloads.hidden = true;
    fill(root,
      el('h2', {}, 'Train on Fashion-MNIST'),
      el('p', { className: 'card-note' }, 'Trains the network in the editor from scratch, in float32, in a background worker (the core\'s trainer: Adam, lr 0.002 on a cosine, batch 32, seed 1, as ',
        el('code', {}, 'tinyml train'), '), then quantizes it to int8 (calibrated on 200 training images) and measures both on the first 2000 test images. ',
        'The network must take 1×28×28 or larger grey input (28×28 images are centred with zero padding); the data (about 4.6 MB) loads on the first run.'),
      el('div', { className: 'inference-controls' },
        el('label', { className: 'field seed-field' }, el('span', {}, 'Epochs'), this.#epochs),
        el('label', { className: 'field' }, el('span', {}, 'Training images'), this.#subset),
        this.#train, this.#cancel),
      el('div', { className: 'training-progress-row' }, this.#bar),
      this.#status,
      el('div', { className: 'chart-box training-chart-box' }, canvas),
      this.#result, this.#downloads);
    this.#chart = new Chart(canvas, {
      type: 'line',
      data: {
        labels: [],
        datasets: [
          { label: 'Loss (mean so far in the epoch)', data: [], borderColor: '#ef4444', backgroundColor: '#ef4444', yAxisID: 'y', pointRadius: 0, borderWidth: 2 },
          { label: 'Training accuracy per epoch (%)', data: [], borderColor: '#3b82f6', backgroundColor: '#3b82f6', yAxisID: 'accuracy', pointRadius: 4, borderWidth: 2, spanGaps: true },
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'Epochs' }, min: 0 },
          y: { beginAtZero: true, title: { display: true, text: 'Loss' } },
          accuracy: { position: 'right', min: 0, max: 100, title: { display: true, text: 'Accuracy (%)' }, grid: { drawOnChartArea: false } },
        },
        plugins: { legend: { position: 'top', align: 'start' } },
      },
    });
  }

  get options() {
    return { epochs: Math.max(1, Math.min(50, Math.round(Number(this.#epochs.value) || 1))), train_subset: Number(this.#subset.value) };
  }

  start(message) {
    this.#train.disabled = true;
    this.#cancel.disabled = false;
    this.#bar.value = 0;
    for (const dataset of this.#chart.data.datasets) dataset.data = [];
    this.#chart.update();
    this.#canvas.dataset.points = '0';
    this.#downloads.hidden = true;
    fill(this.#result);
    this.status(message);
  }

  status(message, error = false) {
    this.#status.classList.toggle('error', error);
    this.#status.textContent = message;
  }

  // progress: train_steps's result (core/api_training.hpp).
  showProgress(progress) {
    const fraction = progress.steps_done / progress.total_steps;
    this.#bar.value = fraction;
    const x = progress.epoch + progress.step / progress.steps;
    this.#chart.data.datasets[0].data.push({ x, y: progress.loss });
    const accuracy = this.#chart.data.datasets[1].data;
    progress.epoch_results.forEach((epoch, index) => { accuracy[index] = { x: index + 1, y: epoch.train_accuracy_percent }; });
    this.#chart.options.scales.x.max = progress.epochs;
    this.#chart.update();
    this.#canvas.dataset.points = String(this.#chart.data.datasets[0].data.length);
    this.status(`Epoch ${Math.min(progress.epoch + 1, progress.epochs)} of ${progress.epochs}, batch ${progress.step} of ${progress.steps}: loss ${progress.loss.toFixed(4)} — ${(100 * fraction).toFixed(0)}%`);
  }

  stop() {
    this.#train.disabled = false;
    this.#cancel.disabled = true;
  }

  // report: train_finish's result; restored: when it comes from this browser's storage.
  showResult(report, { restored = null } = {}) {
    this.stop();
    this.#bar.value = 1;
    if (restored && this.#chart.data.datasets[1].data.length === 0) {
      this.#chart.data.datasets[1].data = report.epochs.map((epoch, index) => ({ x: index + 1, y: epoch.train_accuracy_percent }));
      this.#chart.data.datasets[0].data = report.epochs.map((epoch, index) => ({ x: index + 1, y: epoch.loss }));
      this.#chart.options.scales.x.max = report.epochs.length;
      this.#chart.update();
    }
    fill(this.#result,
      el('table', { className: 'data-table compact training-accuracy' },
        el('thead', {}, el('tr', {}, ...['Test accuracy', 'Float32', 'Int8', 'Int8 drop'].map((label, i) => el('th', { scope: 'col', className: i ? 'num' : '' }, label)))),
        el('tbody', {}, el('tr', {},
          el('td', {}, `${report.model}, ${report.test_images} test images`),
          el('td', { className: 'num', dataset: { testid: 'float-accuracy' } }, percent(report.float_test_accuracy_percent)),
          el('td', { className: 'num', dataset: { testid: 'int8-accuracy' } }, percent(report.int8_test_accuracy_percent)),
          el('td', { className: 'num', dataset: { testid: 'int8-drop' } }, `${report.int8_drop_points.toFixed(2)} points`)))),
      el('p', { className: 'card-note' }, restored
        ? `Trained in this browser on ${restored}, kept in its storage for this network text; the inference panel uses these weights.`
        : 'Kept in this browser\'s storage for this network text (a reload keeps them); the inference panel now uses these weights.'));
    this.#downloads.hidden = false;
  }

  clearResult() {
    fill(this.#result);
    this.#downloads.hidden = true;
  }
}
