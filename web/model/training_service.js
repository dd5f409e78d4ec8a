// The training worker's logic, without the worker (Node tests drive it directly): load the
// data set into the core, then train the network in slices of batches, reporting progress
// after each slice and yielding between slices so a cancel message gets through.
//
//   load({train: {images, labels}, test: {images, labels}}) → {train, test} sizes
//   train({spec, options, sliceMs}, onProgress) → the finish report (accuracies, weights,
//     int8 model), or {cancelled: true, progress} when cancel() came first
//   cancel() → true if a run was going

export const TRAINING_ACTIONS = ['load', 'train', 'cancel'];

const yieldToEvents = () => new Promise((resolve) => setTimeout(resolve, 0));

export class TrainingService {
  #playground;
  #cancelRequested = false;
  #running = false;

  constructor(playground) {
    this.#playground = playground;
  }

  load({ train, test }) {
    return {
      train: this.#playground.loadDataset('train', train.images, train.labels),
      test: this.#playground.loadDataset('test', test.images, test.labels),
    };
  }

  async train({ spec, options = {}, sliceMs = 100 }, onProgress = () => {}) {
    if (this.#running) throw new Error('a training run is already going');
    this.#running = true;
    this.#cancelRequested = false;
    let run = null;
    try {
      run = this.#playground.startTraining({ spec, ...options });
      const summary = Object.fromEntries(Object.entries(run).filter(([, value]) => typeof value !== 'function'));
      onProgress({ summary });
      // Slices of about sliceMs: start with one batch, then scale by the time it took.
      let batches = 1;
      let progress;
      for (;;) {
        const started = performance.now();
        progress = run.steps(batches);
        const ms = performance.now() - started;
        onProgress({ progress });
        if (progress.done) break;
        await yieldToEvents();
        if (this.#cancelRequested) return { cancelled: true, progress };
        batches = Math.max(1, Math.min(1000, Math.round(batches * sliceMs / Math.max(ms, 1))));
      }
      onProgress({ evaluating: true });
      return { ...run.finish(), summary };
    } finally {
      run?.delete();
      this.#running = false;
    }
  }

  cancel() {
    this.#cancelRequested = this.#running;
    return this.#running;
  }
}
