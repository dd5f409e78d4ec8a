// The NAS objective "accuracy" in slices (wasm/api.js adds this to the playground
// object; core/api_nas_accuracy.hpp is the contract). Needs both splits loaded with
// loadDataset. playground.nas({...objective: 'accuracy'}, onProgress) runs the same in
// one call; this form lets a Web Worker yield between slices so a cancel gets through:
//
//   const run = playground.startNasAccuracy(request, onSearchProgress);
//   // run.estimate.estimate_s: the probe's time estimate, before any training
//   while (!run.steps(8).final) { ... }       // 8 batches at a time
//   const result = run.finish();              // the NAS result, ranked by measured accuracy
//   run.delete();
//
// When the search finds nothing to train (nothing fits, or onSearchProgress cancelled),
// run.handle is null, run.search is the search's result and steps/finish/delete are
// absent. A run lives in the wasm module until run.delete() (at most 2 at once).
export function nasAccuracyApi(core, call) {
  return {
    startNasAccuracy(request, onProgress = null) {
      const text = typeof request === 'string' ? request : JSON.stringify(request);
      let thrown = null;
      const report = onProgress && ((incrementText) => {
        try {
          return onProgress(JSON.parse(incrementText)) !== false;
        } catch (error) {
          thrown = { error };
          return false;
        }
      });
      const summary = call(() => core.nasAccuracyStart(text, report ?? null));
      if (thrown) {
        if (summary.handle != null) call(() => core.nasAccuracyRelease(summary.handle));
        throw thrown.error;
      }
      const { handle } = summary;
      if (handle == null) return Object.freeze(summary);
      return Object.freeze({
        ...summary,
        // → {phase: 'training', candidate, candidates, epoch, epochs, images_done,
        //    images_total, trained, final, measured?}
        steps: (batches = 1) => call(() => core.nasAccuracySteps(handle, batches)),
        finish: () => call(() => core.nasAccuracyFinish(handle)),
        delete: () => call(() => core.nasAccuracyRelease(handle)),
      });
    },
  };
}
