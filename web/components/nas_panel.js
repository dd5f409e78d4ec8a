// The TinyNAS panel: the search's settings (the MCU is the page's), start and cancel, a
// progress bar, the scatter and CDF charts, the best networks (or, when nothing fits,
// the explanation and the nearest misses). Verbs only; web/nas_search.js drives it.

import { formatKB } from '../model/format.js';
import { accuracyDoneText, estimateText, trainingText } from '../model/nas_accuracy.js';
import { progressText } from '../model/nas_run.js';
import { el, fill } from './dom.js';
import { NasCdfChart } from './nas_cdf_chart.js';
import { NasScatter } from './nas_scatter.js';
import { NasTable } from './nas_table.js';

const SPACES = [
  { value: 'lecture', label: 'lecture: base width, expand and depth per stage (8,640 networks)', samples: 100 },
  { value: 'mcunet', label: 'mcunet: width × resolution, kernel, expand, depth (MobileNetV2 backbone)', samples: 20 },
  { value: 'fashion', label: 'fashion: the lecture\'s knobs at 1×28×28 / 1×32×32, trainable on Fashion-MNIST (10,368 networks)', samples: 100 },
];
const ESTIMATORS = ['live', 'inplace_depthwise', 'arena', 'patch', 'lecture_in_out', 'lecture_consecutive'];

function numberField(id, label, value, { min = 0, max, step = 1, unit = '' } = {}) {
  const input = el('input', { type: 'number', id, value: String(value), min: String(min), step: String(step), inputMode: 'numeric' });
  if (max !== undefined) input.max = String(max);
  return { input, label: el('label', { className: 'nas-field', htmlFor: id }, el('span', {}, label), input, unit ? el('span', { className: 'unit' }, unit) : null) };
}

export class NasPanel {
  #space;
  #estimator;
  #fields;
  #samplesTouched = false;
  #start;
  #cancel;
  #mcuLine;
  #bar;
  #barFill;
  #status;
  #explanation;
  #scatter;
  #scatterNote;
  #cdf;
  #cdfNote;
  #table;
  #tableTitle;
  #results;
  #accuracy;
  #accuracyFields;
  #accuracyBox;
  #estimate;
  #onSettingsChange;
  #drawnPoints = -1;

  // onStart(settings), onCancel(), onOpen(candidate), onSettingsChange(settings): a
  // setting changed (the page re-estimates the training time when ranking by accuracy).
  constructor(root, { onStart, onCancel, onOpen, onSettingsChange = () => {} }) {
    this.#onSettingsChange = onSettingsChange;
    this.#space = el('select', { id: 'nas-space' }, SPACES.map(({ value, label }) => el('option', { value }, label)));
    this.#estimator = el('select', { id: 'nas-estimator' }, ESTIMATORS.map((name) => el('option', { value: name }, name)));
    this.#fields = {
      trials: numberField('nas-trials', 'Evolution trials', 1000, { max: 100000 }),
      samples: numberField('nas-samples', 'Samples per (width, resolution)', 100, { min: 1, max: 10000 }),
      seed: numberField('nas-seed', 'Seed', 1),
      sramReserve: numberField('nas-sram-reserve', 'SRAM reserve', 0, { step: 'any', unit: 'KB' }),
      flashReserve: numberField('nas-flash-reserve', 'Flash reserve', 0, { step: 'any', unit: 'KB' }),
    };
    this.#fields.samples.input.addEventListener('input', () => { this.#samplesTouched = true; });
    this.#space.addEventListener('change', () => {
      if (!this.#samplesTouched) this.#fields.samples.input.value = String(SPACES.find((s) => s.value === this.#space.value).samples);
    });
    // Rank by measured accuracy (issue 6): train the best candidates on Fashion-MNIST.
    // Three epochs by default: one epoch on 2000 images left the fashion space's largest
    // network at 40% float, three reach 68% (tinyml nas --space fashion --objective
    // accuracy --candidates 1 --epochs 3 --train-images 2000: 14 s natively).
    this.#accuracy = el('input', { type: 'checkbox', id: 'nas-accuracy' });
    this.#accuracyFields = {
      candidates: numberField('nas-acc-candidates', 'Candidates to train', 3, { min: 1, max: 20 }),
      epochs: numberField('nas-acc-epochs', 'Epochs each', 3, { min: 1, max: 10 }),
      trainImages: numberField('nas-acc-train', 'Training images', 2000, { min: 1, max: 6000 }),
      testImages: numberField('nas-acc-test', 'Test images', 1000, { min: 1, max: 2000 }),
    };
    this.#estimate = el('p', { className: 'nas-estimate', id: 'nas-estimate', role: 'status', ariaLive: 'polite' });
    this.#accuracyBox = el('div', { className: 'nas-accuracy-fields', hidden: true },
      Object.values(this.#accuracyFields).map((field) => field.label), this.#estimate);
    this.#accuracy.addEventListener('change', () => {
      this.#accuracyBox.hidden = !this.#accuracy.checked;
      if (this.#accuracy.checked && this.#space.value !== 'fashion') {
        this.#space.value = 'fashion';
        this.#space.dispatchEvent(new Event('change'));
      }
      this.#settingsChanged();
    });
    this.#space.addEventListener('change', () => this.#settingsChanged());
    this.#estimator.addEventListener('change', () => this.#settingsChanged());
    for (const field of [...Object.values(this.#fields), ...Object.values(this.#accuracyFields)]) {
      field.input.addEventListener('input', () => this.#settingsChanged());
    }
    this.#start = el('button', { type: 'button', id: 'nas-start', className: 'primary', onclick: () => onStart(this.settings) }, 'Start search');
    this.#cancel = el('button', { type: 'button', id: 'nas-cancel', disabled: true, onclick: onCancel }, 'Cancel');
    this.#mcuLine = el('p', { className: 'nas-mcu' });
    this.#barFill = el('div', { className: 'nas-bar-fill' });
    this.#bar = el('div', { className: 'nas-bar', id: 'nas-progress', role: 'progressbar', ariaValueMin: '0', ariaValueMax: '100', ariaValueNow: '0' }, this.#barFill);
    this.#status = el('p', { className: 'nas-status', id: 'nas-status', role: 'status', ariaLive: 'polite' }, 'Not run yet.');
    this.#explanation = el('div', { className: 'nas-explanation', id: 'nas-explanation', hidden: true });
    const scatterCanvas = el('canvas', { id: 'nas-scatter', ariaLabel: 'Flash vs peak SRAM of every measured network' });
    const cdfCanvas = el('canvas', { id: 'nas-cdf', ariaLabel: 'CDF of the MACs of fitting samples per (width, resolution)' });
    this.#scatterNote = el('p', { className: 'card-note' });
    this.#cdfNote = el('p', { className: 'card-note' }, 'Drawn when the search ends.');
    const tableRoot = el('div', { className: 'table-scroll', id: 'nas-table' });
    this.#tableTitle = el('h3', {}, 'Best networks');

    fill(root,
      el('h2', {}, 'TinyNAS: search for a network that fits'),
      el('p', { className: 'card-note' },
        'Every candidate is built as a real network and measured by the core (peak SRAM by the chosen estimator, deployable int8 flash). ',
        'The objective is MACs, a stand-in for accuracy: nothing is trained — unless you tick "Rank by measured accuracy", which trains the best few on Fashion-MNIST. ',
        'The search runs in a Web Worker; keep editing while it runs.'),
      this.#mcuLine,
      el('div', { className: 'nas-controls' },
        el('label', { className: 'nas-field wide', htmlFor: 'nas-space' }, el('span', {}, 'Space'), this.#space),
        el('label', { className: 'nas-field', htmlFor: 'nas-estimator' }, el('span', {}, 'Peak estimator'), this.#estimator),
        Object.values(this.#fields).map((field) => field.label),
        el('label', { className: 'nas-field wide nas-check', htmlFor: 'nas-accuracy' }, this.#accuracy,
          el('span', {}, 'Rank by measured accuracy: train the best candidates by MACs on Fashion-MNIST (fashion space), measure float and int8 test accuracy')),
        this.#accuracyBox,
        el('div', { className: 'nas-buttons' }, this.#start, this.#cancel)),
      this.#bar,
      this.#status,
      this.#explanation,
      this.#results = el('div', { className: 'nas-results', hidden: true },
      el('div', { className: 'nas-charts' },
        el('figure', {}, el('figcaption', {}, 'Every measured network: flash vs peak SRAM'), this.#scatterNote,
          el('div', { className: 'chart-box tall' }, scatterCanvas)),
        el('figure', {}, el('figcaption', {}, 'Space optimisation: MACs of the fitting samples, per (width, resolution)'), this.#cdfNote,
          el('div', { className: 'chart-box tall' }, cdfCanvas))),
      this.#tableTitle,
      tableRoot),
    );
    this.#scatter = new NasScatter(scatterCanvas);
    this.#cdf = new NasCdfChart(cdfCanvas);
    this.#table = new NasTable(tableRoot, { onOpen });
  }

  // What the form says (numbers as typed; the core validates them and names the field).
  get settings() {
    const number = (field) => this.#fields[field].input.valueAsNumber;
    return {
      space: this.#space.value,
      estimator: this.#estimator.value,
      trials: number('trials'),
      samples: number('samples'),
      seed: number('seed'),
      sramReserveKB: number('sramReserve') || 0,
      flashReserveKB: number('flashReserve') || 0,
      rankByAccuracy: this.#accuracy.checked,
      candidates: this.#accuracyFields.candidates.input.valueAsNumber,
      epochs: this.#accuracyFields.epochs.input.valueAsNumber,
      trainImages: this.#accuracyFields.trainImages.input.valueAsNumber,
      testImages: this.#accuracyFields.testImages.input.valueAsNumber,
    };
  }

  // The training time before a run: {measuring: true} | {error} | the worker's estimate.
  showEstimate(estimate) {
    this.#estimate.classList.toggle('error', Boolean(estimate.error));
    if (estimate.measuring) this.#estimate.textContent = 'Measuring how long training these candidates takes in this browser (loads Fashion-MNIST the first time)…';
    else if (estimate.error) this.#estimate.textContent = `No estimate: ${estimate.error.path ? `${estimate.error.path}: ` : ''}${estimate.error.reason ?? estimate.error.message}`;
    else this.#estimate.textContent = estimateText(estimate);
  }

  #settingsChanged() {
    this.#onSettingsChange(this.settings);
  }

  // mcu: {name, sram_bytes, flash_bytes}: the page's chosen MCU, which the search targets.
  showMcu(mcu) {
    fill(this.#mcuLine, 'Target: ', el('strong', {}, mcu.name), ` (the page's MCU): ${formatKB(mcu.sram_bytes)} SRAM, ${formatKB(mcu.flash_bytes)} flash.`);
    if (this.#accuracy.checked) this.#settingsChanged();
  }

  showStarted(run) {
    // Charts and table are hidden until the first search: empty axes say nothing.
    this.#results.hidden = false;
    this.#start.disabled = true;
    this.#cancel.disabled = false;
    this.#explanation.hidden = true;
    this.#cdf.clear();
    this.#cdfNote.textContent = 'Drawn when the search ends.';
    this.#table.update([]);
    // The lecture space is small enough to be measured whole before the search starts
    // (docs/nas-result.md), which sends no progress: say so rather than look stuck.
    this.#status.textContent = this.#space.value === 'lecture'
      ? 'Measuring all 8,640 networks of the lecture space first (to count how many fit), then searching…'
      : this.#accuracy.checked ? 'Loading Fashion-MNIST, measuring the space, then searching…' : 'Starting the search…';
    this.showProgress(run);
  }

  showProgress(run) {
    const percent = Math.round(run.fraction * 100);
    this.#barFill.style.width = `${percent}%`;
    this.#bar.setAttribute('aria-valuenow', String(percent));
    if (run.phase === 'estimate' || run.phase === 'training') {
      this.#status.textContent = trainingText(run, (performance.now() - run.trainingStartedMs) / 1000);
    } else if (run.trialsTotal > 0) {
      this.#status.textContent = progressText(run);
    }
    // While candidates train no new points arrive: leave the scatter be, so the page's
    // thread does not compete with the training worker for the CPU.
    const training = run.phase === 'estimate' || run.phase === 'training';
    // No animated bar while training: a 60 fps repaint cost the worker ~20% in headless
    // Chromium on 2 busy cores (tests/e2e/nas_accuracy_timing.mjs).
    this.#bar.classList.toggle('still', training);
    if (!training || this.#drawnPoints !== run.points.length) {
      this.#drawnPoints = run.points.length;
      const stride = this.#scatter.update(run);
      const drawn = stride > 1 ? ` (1 in ${stride.toLocaleString('en-US')} drawn, and the whole Pareto front)` : '';
      this.#scatterNote.textContent = `${run.points.length.toLocaleString('en-US')} networks${drawn}. ${NasScatter.caption(run)}`;
    }
    this.#showCandidates(run);
  }

  showFinished(run) {
    this.#idle();
    this.#barFill.style.width = '100%';
    this.#bar.setAttribute('aria-valuenow', '100');
    this.showProgress(run);
    const result = run.result;
    const space = result.space_size !== null ? ` The whole space holds ${result.space_size.toLocaleString('en-US')} networks; ${result.space_feasible.toLocaleString('en-US')} fit (counted exhaustively).` : '';
    this.#status.textContent = `Done: ${result.space_optimisation_trials.toLocaleString('en-US')} space-optimisation + ${result.trials.toLocaleString('en-US')} evolution trials. ${result.message}.${space}`;
    if (result.objective === 'accuracy') {
      this.#status.textContent = result.accuracy?.cancelled
        ? `${accuracyDoneText(result)} The ones trained are ranked first below.`
        : `${this.#status.textContent} ${accuracyDoneText(result)}`;
    }
    const curves = this.#cdf.update(result.space_optimisation);
    const chosen = result.space_optimisation.find((pair) => pair.chosen);
    this.#cdfNote.textContent = curves.length === 0
      ? 'No sampled network fits in any (width, resolution) pair: no CDF to draw.'
      : `${curves.length} pairs with fitting samples; chosen: width ${chosen.width}, resolution ${chosen.resolution} (${result.space_choice_rule}).`;
    this.#explain(result);
  }

  showCancelled(run) {
    this.#idle();
    this.#status.textContent = `Cancelled after ${run.trialsDone.toLocaleString('en-US')} of ${run.trialsTotal.toLocaleString('en-US')} trials: ` +
      `the ${run.points.length.toLocaleString('en-US')} networks measured so far and the best of them stay below.`;
    this.#cdfNote.textContent = 'Cancelled: the space optimisation was not reported.';
  }

  // error: {path, reason}: the request was refused (the core names the field).
  showError(error) {
    this.#idle();
    this.#status.textContent = `The search did not run: ${error.path ? `${error.path}: ` : ''}${error.reason ?? error.message}`;
    this.#status.classList.add('error');
  }

  #idle() {
    this.#start.disabled = false;
    this.#cancel.disabled = true;
    this.#status.classList.remove('error');
  }

  #showCandidates(run) {
    const misses = run.top.length > 0 && !run.top[0].fits;
    const byAccuracy = run.top[0]?.accuracy !== undefined;
    this.#tableTitle.textContent = misses ? 'Nearest misses (nothing fits)'
      : byAccuracy ? 'Ranked by measured test accuracy (open one to analyse it)' : 'Best networks (open one to analyse it)';
    this.#table.update(run.top, { misses });
  }

  // Nothing fits: say so, and what the nearest misses fail by.
  #explain(result) {
    if (result.best) {
      this.#explanation.hidden = true;
      return;
    }
    const limits = result.constraints;
    const nearest = result.nearest_misses[0];
    fill(this.#explanation,
      el('strong', {}, 'No network in this search fits. '),
      `Limits: peak SRAM (${limits.estimator}) ≤ ${formatKB(limits.sram_limit_bytes)}, flash ≤ ${formatKB(limits.flash_limit_bytes)}. `,
      nearest ? `The nearest miss ${nearest.failed.map((failure) => `needs ${formatKB(failure.need_bytes)} of ${failure.constraint === 'sram' ? 'SRAM' : 'flash'} (over by ${formatKB(failure.over_bytes)})`).join(' and ')}; ` : '',
      'the table lists the nearest misses and every constraint each fails. A larger MCU, smaller reserves, a patch-based estimator or the other space may help.');
    this.#explanation.hidden = false;
  }
}
