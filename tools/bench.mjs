// npm run bench: how long `analyze` of every preset takes natively and through wasm.
// The native time is the CLI's wall time less that of `tinyml mcus` (process start and
// exit), so it is rough for fast presets; the wasm time is the in-process mean.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { createPlayground } from '../wasm/api.js';

const cli = fileURLToPath(new URL('../build/native/tools/tinyml', import.meta.url));
if (!existsSync(cli)) {
  console.error(`bench: ${cli} is missing; run npm run build`);
  process.exit(1);
}

// Median wall time of fn() in milliseconds over `runs` calls.
function medianMs(fn, runs) {
  const times = [];
  for (let run = 0; run < runs; ++run) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

const runCli = (...args) => execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const playground = await createPlayground();
const startupMs = medianMs(() => runCli('mcus'), 9);

console.log(`native CLI start-up ${startupMs.toFixed(2)} ms (subtracted below)`);
console.log('preset'.padEnd(16), 'native ms'.padStart(10), 'wasm ms'.padStart(10), 'wasm/native'.padStart(12));
for (const preset of playground.presets()) {
  const specText = JSON.stringify(preset.spec);
  const nativeMs = Math.max(medianMs(() => runCli('analyze', `preset:${preset.name}`, '--json'), 9) - startupMs, 0.01);
  const wasmMs = medianMs(() => playground.analyze(specText), 25);
  console.log(
    preset.name.padEnd(16),
    nativeMs.toFixed(2).padStart(10),
    wasmMs.toFixed(2).padStart(10),
    (wasmMs / nativeMs).toFixed(2).padStart(12),
  );
}

// Training (issue 6): native images per second of `tinyml train` (forward, backward and
// an Adam step per image, batch 32) on the first 1000 Fashion-MNIST training images, the
// median of 3 one-epoch runs; beside it the float engine's inference rate on the same
// network in the same run (`compare --runs`, batch 1), the peer the ratio is taken to.
console.log('\ntraining (native, 1000 images, 1 epoch, median of 3)');
console.log('preset'.padEnd(16), 'train img/s'.padStart(12), 'infer img/s'.padStart(12), 'infer/train'.padStart(12));
for (const preset of ['FashionTinyNet', 'FashionMCUNet']) {
  const rates = [];
  for (let run = 0; run < 3; ++run) {
    const report = JSON.parse(runCli('train', `preset:${preset}`, '--train-subset', '1000', '--epochs', '1',
      '--test-subset', '10', '--calib', '1', '--json'));
    rates.push(report.train_images_per_second);
  }
  rates.sort((a, b) => a - b);
  const compare = JSON.parse(runCli('compare', `preset:${preset}`, '--calib', '1', '--runs', '200', '--json'));
  const inferRate = 1000 / compare.timing.float_median_ms;
  console.log(preset.padEnd(16), rates[1].toFixed(0).padStart(12), inferRate.toFixed(0).padStart(12),
    (inferRate / rates[1]).toFixed(2).padStart(12));
}

// Training in wasm (issue 6): the same run (1000 images, 1 epoch, batch 32, Adam) through
// the wasm API in this Node process (startTraining → steps until done), timed around the
// steps only, beside the native CLI's train_images_per_second measured again here, in
// the same run. Median of 3 each.
const { gunzipSync } = await import('node:zlib');
const { readFileSync } = await import('node:fs');
const idx = (file) => new Uint8Array(gunzipSync(readFileSync(`/usr/share/datasets/fashion-mnist/${file}`)));
playground.loadDataset('train', idx('train-images-idx3-ubyte.gz'), idx('train-labels-idx1-ubyte.gz'));
console.log('\ntraining, wasm (Node, one thread) vs native, 1000 images, 1 epoch, median of 3');
console.log('preset'.padEnd(16), 'native img/s'.padStart(13), 'wasm img/s'.padStart(11), 'native/wasm'.padStart(12));
const median = (values) => [...values].sort((a, b) => a - b)[1];
for (const preset of ['FashionTinyNet', 'FashionMCUNet']) {
  const nativeRates = [];
  const wasmRates = [];
  for (let run = 0; run < 3; ++run) {
    nativeRates.push(JSON.parse(runCli('train', `preset:${preset}`, '--train-subset', '1000', '--epochs', '1',
      '--test-subset', '10', '--calib', '1', '--json')).train_images_per_second);
    const training = playground.startTraining({ preset, train_subset: 1000, epochs: 1 });
    const start = process.hrtime.bigint();
    let progress;
    do progress = training.steps(1000); while (!progress.done);
    wasmRates.push(progress.images / (Number(process.hrtime.bigint() - start) / 1e9));
    training.delete();
  }
  console.log(preset.padEnd(16), median(nativeRates).toFixed(0).padStart(13), median(wasmRates).toFixed(0).padStart(11),
    (median(nativeRates) / median(wasmRates)).toFixed(2).padStart(12));
}

// TinyNAS: networks measured per second, natively (the CLI, less its start-up) and in
// wasm (in this Node process), on the same request, so the ratio compares like with
// like. The mcunet space is not enumerated first, so the time is the search's own;
// `measured` counts distinct networks (a repeated candidate is a cache hit, not a
// measurement), trials/s counts every candidate the search drew.
const NAS_CASES = [
  { space: 'mcunet', mcu: 'STM32F746', space_samples: 50, trials: 5000, seed: 1, estimator: 'live' },
  { space: 'mcunet', mcu: 'STM32F746', space_samples: 5, trials: 1000, seed: 1, estimator: 'arena' },
  { space: 'mcunet', mcu: 'STM32F746', space_samples: 2, trials: 300, seed: 1, estimator: 'patch' },
];
console.log('\nNAS', 'estimator'.padEnd(12), 'trials'.padStart(7), 'measured'.padStart(9),
  'native/s'.padStart(10), 'wasm/s'.padStart(10), 'native/wasm'.padStart(12), '(networks measured per second)');
for (const request of NAS_CASES) {
  const args = ['nas', '--mcu', request.mcu, '--space', request.space, '--space-samples', String(request.space_samples),
    '--trials', String(request.trials), '--seed', String(request.seed), '--estimator', request.estimator, '--json'];
  const native = JSON.parse(runCli(...args));
  const nativeMs = Math.max(medianMs(() => runCli(...args), 3) - startupMs, 0.01);
  const result = playground.nas(request);
  const wasmMs = medianMs(() => playground.nas(request), 3);
  if (result.measured !== native.measured) throw new Error('bench: wasm and native NAS measured different networks');
  const trials = result.space_optimisation_trials + result.trials;
  const nativeRate = native.measured / (nativeMs / 1000);
  const wasmRate = result.measured / (wasmMs / 1000);
  console.log('NAS', request.estimator.padEnd(12), String(trials).padStart(7), String(result.measured).padStart(9),
    nativeRate.toFixed(0).padStart(10), wasmRate.toFixed(0).padStart(10), (nativeRate / wasmRate).toFixed(2).padStart(12));
}

// Inference: for each preset at its native input size, the median ms per inference of
// the float engine and the int8 engine with the reference and the fast kernels, natively
// (build/native/tools/bench_inference) and in wasm under Node (build/wasm/
// bench_inference.mjs), each measured in one process (tools/bench_inference.cpp). GMAC/s
// counts conv and linear MACs at the median; "fast best" is the fastest run (least
// disturbed by other processes); "fast/ref" is the fast kernels' speed-up (medians) in
// the same run; "equal": the two int8 outputs are identical.
const { runWasmProgram } = await import('./node/run_wasm_program.mjs');
const benchNative = fileURLToPath(new URL('../build/native/tools/bench_inference', import.meta.url));
const inferenceRows = [];
if (existsSync(benchNative)) {
  const out = execFileSync(benchNative, [], { encoding: 'utf8', maxBuffer: 16 << 20 });
  inferenceRows.push(...out.trim().split('\n').map((line) => JSON.parse(line)));
} else {
  console.error(`bench: ${benchNative} is missing; run npm run build`);
}
try {
  inferenceRows.push(...(await runWasmProgram('bench_inference')).map((line) => JSON.parse(line)));
} catch (error) {
  console.error(`bench: wasm inference skipped: ${error.message}`);
}
// The same wasm program in headless Chromium (tools/bench_chromium.mjs), where the page
// runs and where the bar (TFLite + XNNPACK in Chromium) was measured: the two
// lecture presets only, to keep the bench short.
try {
  const { runInChromium } = await import('./bench_chromium.mjs');
  const lines = await runInChromium('bench_inference', ['--presets', 'MCUNet,TinyNet']);
  inferenceRows.push(...lines.map((line) => ({ ...JSON.parse(line), target: 'chromium-simd' })));
} catch (error) {
  console.error(`bench: Chromium inference skipped: ${error.message}`);
}
console.log('\ninference, median ms per run (batch 1, one thread; wasm-simd128 = Node, chromium-simd = the same wasm in Chromium)');
console.log(
  'preset'.padEnd(12), 'input'.padStart(6), 'MMACs'.padStart(7), 'target'.padStart(13), 'float ms'.padStart(9),
  'int8 ref'.padStart(9), 'int8 fast'.padStart(10), 'fast best'.padStart(10), 'fast GMAC/s'.padStart(12),
  'fast/ref'.padStart(9),
  'equal'.padStart(6),
);
for (const row of inferenceRows) {
  console.log(
    row.preset.padEnd(12),
    String(row.resolution).padStart(6),
    (row.macs / 1e6).toFixed(1).padStart(7),
    row.target.padStart(13),
    row.float_ms.toFixed(2).padStart(9),
    row.int8_reference_ms.toFixed(2).padStart(9),
    row.int8_fast_ms.toFixed(2).padStart(10),
    row.best_ms.int8_fast.toFixed(2).padStart(10),
    (row.macs / row.int8_fast_ms / 1e6).toFixed(2).padStart(12),
    (row.int8_reference_ms / row.int8_fast_ms).toFixed(1).padStart(9),
    String(row.outputs_equal).padStart(6),
  );
}
