// The TinyNAS panel's loop: settings → the worker (nas_runner.js) → progress folded into
// a NasRun → the panel, redrawn at most every RENDER_EVERY_MS so that a fast search does
// not keep the page's thread busy drawing.

import { errorDetails } from './analysis.js';
import { NasPanel } from './components/nas_panel.js';
import { NasRun, nasRequest } from './model/nas_run.js';
import { NasCancelled, NasRunner } from './nas_runner.js';

// At least this long between redraws, and at least RENDER_SHARE times as long as the
// last redraw took, so drawing never takes more than a third of the page's thread.
const RENDER_EVERY_MS = 150;
const RENDER_SHARE = 2;
// Settings must rest this long before the training time is re-estimated (accuracy mode).
const ESTIMATE_AFTER_MS = 500;

export class NasSearch {
  #runner = new NasRunner();
  #panel;
  #mcuOption;
  #run = null;
  #renderTimer = null;
  #renderMs = 0;
  #estimateTimer = null;
  #estimateSeq = 0;

  // root: the panel's element; mcuOption(): the page's MCU as the request's `mcu`;
  // onOpen(candidate): open a candidate's network in the editor.
  constructor(root, { mcuOption, onOpen }) {
    this.#mcuOption = mcuOption;
    this.#panel = new NasPanel(root, {
      onStart: (settings) => this.start(settings),
      onCancel: () => this.cancel(),
      onOpen,
      onSettingsChange: (settings) => this.#estimateSoon(settings),
    });
    // Load the worker's module once the user comes near the panel, not with the page.
    const prepare = () => this.#runner.prepare();
    root.addEventListener('pointerenter', prepare, { once: true });
    root.addEventListener('focusin', prepare, { once: true });
  }

  get panel() {
    return this.#panel;
  }

  start(settings) {
    if (this.#runner.running) return;
    const run = new NasRun();
    this.#run = run;
    this.#panel.showStarted(run);
    this.#runner.run(nasRequest(settings, this.#mcuOption()), (increment) => {
      run.addProgress(increment);
      this.#renderSoon(run);
    }).then((result) => {
      this.#stopRendering();
      run.finish(result);
      this.#panel.showFinished(run);
    }, (error) => {
      this.#stopRendering();
      if (error instanceof NasCancelled) {
        run.cancelled = true;
        this.#panel.showProgress(run);
        this.#panel.showCancelled(run);
      } else {
        this.#panel.showError(errorDetails(error));
      }
    });
  }

  cancel() {
    this.#runner.cancel();
  }

  // Ranking by measured accuracy: the training phase's time, measured in the worker for
  // exactly the candidates a run of these settings trains, shown before Start.
  #estimateSoon(settings) {
    clearTimeout(this.#estimateTimer);
    const seq = ++this.#estimateSeq;
    if (!settings.rankByAccuracy) return;
    this.#estimateTimer = setTimeout(() => {
      if (this.#runner.running) return;  // the worker is busy: shown after the run instead
      this.#panel.showEstimate({ measuring: true });
      this.#runner.estimate(nasRequest(settings, this.#mcuOption())).then((estimate) => {
        if (seq === this.#estimateSeq) this.#panel.showEstimate(estimate);
      }, (error) => {
        if (seq === this.#estimateSeq && !(error instanceof NasCancelled)) this.#panel.showEstimate({ error: errorDetails(error) });
      });
    }, ESTIMATE_AFTER_MS);
  }

  #renderSoon(run) {
    if (this.#renderTimer !== null) return;
    this.#renderTimer = setTimeout(() => {
      this.#renderTimer = null;
      if (run !== this.#run) return;
      const started = performance.now();
      this.#panel.showProgress(run);
      this.#renderMs = performance.now() - started;
    }, Math.max(RENDER_EVERY_MS, RENDER_SHARE * this.#renderMs));
  }

  #stopRendering() {
    clearTimeout(this.#renderTimer);
    this.#renderTimer = null;
  }
}
