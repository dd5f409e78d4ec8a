// The training part of the JS API (wasm/api.js adds these to the playground object):
//
//   playground.loadDataset('train', imagesIdx, labelsIdx);   // Uint8Arrays, uncompressed IDX
//   playground.loadDataset('test', imagesIdx, labelsIdx);
//   const run = playground.startTraining({ spec, epochs: 1, seed: 1 });   // `tinyml train`'s options
//   while (!run.steps(10).done) { ... }                       // 10 batches at a time
//   const report = run.finish();   // {float_test_accuracy_percent, int8_..., weights, int8_model}
//   run.delete();
//
// A run lives inside the wasm module under an integer handle until run.delete() (at most
// 2 at once). Options, defaults and errors: core/api_training.hpp. Errors: PlaygroundError.
export function trainingApi(core, call) {
  return {
    // split: 'train' | 'test'. → {split, examples, height, width}
    loadDataset(split, images, labels) {
      return call(() => core.loadDataset(JSON.stringify({ split }), images, labels));
    },
    // request: {spec | preset, train_subset, test_subset, epochs, batch, lr, schedule,
    // optimizer, momentum, weight_decay, seed, calib}. → a TrainingRun: the summary
    // ({handle, model, params, input_shape, train_images, test_images, steps_per_epoch,
    // total_steps, options}) with steps(n), finish(), delete().
    startTraining(request) {
      const body = { ...(request ?? {}) };
      if (body.spec != null && typeof body.spec !== 'string') body.spec = JSON.stringify(body.spec);
      const summary = call(() => core.trainStart(JSON.stringify(body)));
      const { handle } = summary;
      return Object.freeze({
        ...summary,
        // Trains up to `batches` batches → {done, epoch, epochs, step, steps, steps_done,
        // total_steps, images, loss, epoch_results}.
        steps: (batches = 1) => call(() => core.trainSteps(handle, batches)),
        finish: () => call(() => core.trainFinish(handle)),
        delete: () => call(() => core.trainRelease(handle)),
      });
    },
  };
}
