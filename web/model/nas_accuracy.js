// NAS with measured accuracy as the page shows it (issue 6), without the DOM: the request
// fields, the estimate line shown before a run, and the line under the progress bar in
// the training phase. Shapes: core/api_nas_accuracy.hpp, core/nas/nas_accuracy_json.hpp.

const count = (n) => n.toLocaleString('en-US');

// "21.3 s", "2 min 05 s"
export function formatSeconds(seconds) {
  if (!Number.isFinite(seconds)) return '–';
  if (seconds < 100) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')} s`;
}

// The panel's accuracy settings → the request's objective fields (numbers as typed, an
// empty field as null: the core names the field it refuses).
export function accuracyFields(settings) {
  if (!settings.rankByAccuracy) return {};
  const number = (value) => (Number.isFinite(value) ? value : null);
  return {
    objective: 'accuracy',
    accuracy: {
      candidates: number(settings.candidates),
      epochs: number(settings.epochs),
      train_images: number(settings.trainImages),
      test_images: number(settings.testImages),
    },
  };
}

// {estimate, candidates, images_total} (the worker's nasAccuracyEstimate) → one sentence.
export function estimateText({ estimate, candidates }) {
  if (!candidates) return 'No network of this search fits the MCU: nothing to train.';
  const perCandidate = estimate.train_image_passes / candidates;
  const test = estimate.test_image_passes / candidates;
  return `Training ${candidates} candidate${candidates === 1 ? '' : 's'} will take about ${formatSeconds(estimate.estimate_s)}: ` +
    `${count(perCandidate)} training images each (epochs × images), then ${count(test)} test images float and int8 — ` +
    `measured by training a few batches of each in this browser (the probe took ${formatSeconds(estimate.probe_s)}).`;
}

// The line under the progress bar while candidates train. elapsedS: since training began.
export function trainingText(run, elapsedS) {
  const t = run.training;
  const estimate = run.estimate ? ` · ${formatSeconds(elapsedS)} of about ${formatSeconds(run.estimate.estimate_s)} estimated` : '';
  if (!t) return `Searching done; measuring the cost of training each candidate…`;
  const now = t.final ? `all ${t.candidates} trained` : `training candidate ${t.candidate} of ${t.candidates}, epoch ${t.epoch} of ${t.epochs}`;
  return `${now} · ${count(t.images_done)} of ${count(t.images_total)} training images${estimate}`;
}

// After a run with objective accuracy: the sentence for the status line.
export function accuracyDoneText(result) {
  const accuracy = result.accuracy;
  if (!accuracy) return 'Nothing was trained: no candidate fits the MCU.';
  const best = result.top[0]?.accuracy;
  const trained = accuracy.cancelled
    ? `Cancelled during training: ${accuracy.trained} of ${accuracy.candidates} candidates trained`
    : `Trained ${accuracy.candidates} candidates`;
  const bestText = best?.trained
    ? ` The best measured: ${best.float_percent.toFixed(1)}% float, ${best.int8_percent.toFixed(1)}% int8 on ${count(accuracy.test_images)} test images.`
    : '';
  return `${trained} (${accuracy.epochs} epoch${accuracy.epochs === 1 ? '' : 's'} on ${count(accuracy.train_images)} images each) ` +
    `in ${formatSeconds(accuracy.elapsed_s)}; estimated ${formatSeconds(accuracy.estimate_s)} before training began.${bestText}`;
}
