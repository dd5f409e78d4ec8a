// The NAS objective "accuracy" in the core worker (web/workers/core_worker.js), without
// the worker (Node tests drive it directly): the search and the probe in one call, then
// the candidates' training in slices of about sliceMs, yielding between slices so that a
// cancel message gets through. The data sets must be loaded first (the training
// service's `load` action, in the same worker).
//
//   nasAccuracyEstimate({request}) → {estimate, candidates, images_total} (or
//     {candidates: 0} when nothing fits): the time the training phase will take, measured
//     by the core's probe on exactly the networks a run of this request trains (the
//     search repeats exactly for a seed)
//   nasAccuracy({request, sliceMs}, onProgress) → the NAS result; onProgress gets the
//     search's increments, then {phase: 'estimate', estimate, candidates, images_total},
//     then the training increments ({phase: 'training', ...}). After nasAccuracyCancel()
//     the result has cancelled: true and the candidates measured so far.

export const NAS_ACCURACY_ACTIONS = ['nasAccuracy', 'nasAccuracyEstimate', 'nasAccuracyCancel'];

const yieldToEvents = () => new Promise((resolve) => setTimeout(resolve, 0));

export class NasAccuracyService {
  #playground;
  #running = false;
  #cancelRequested = false;

  constructor(playground) {
    this.#playground = playground;
  }

  nasAccuracyEstimate({ request }) {
    const run = this.#playground.startNasAccuracy(request);
    if (run.handle == null) return { candidates: 0, search: run.search };
    try {
      return { estimate: run.estimate, candidates: run.candidates, images_total: run.images_total };
    } finally {
      run.delete();
    }
  }

  async nasAccuracy({ request, sliceMs = 100 }, onProgress = () => {}) {
    if (this.#running) throw new Error('a NAS accuracy run is already going');
    this.#running = true;
    this.#cancelRequested = false;
    let run = null;
    try {
      run = this.#playground.startNasAccuracy(request, (increment) => onProgress(increment));
      if (run.handle == null) return run.search;
      onProgress({ phase: 'estimate', estimate: run.estimate, candidates: run.candidates, images_total: run.images_total });
      // Slices of about sliceMs: start with one batch, then scale by the time it took.
      let batches = 1;
      for (;;) {
        const started = performance.now();
        const progress = run.steps(batches);
        const ms = performance.now() - started;
        onProgress(progress);
        if (progress.final) break;
        await yieldToEvents();
        if (this.#cancelRequested) break;
        batches = Math.max(1, Math.min(1000, Math.round(batches * sliceMs / Math.max(ms, 1))));
      }
      return run.finish();
    } finally {
      run?.delete?.();
      this.#running = false;
    }
  }

  nasAccuracyCancel() {
    this.#cancelRequested = this.#running;
    return this.#running;
  }
}
