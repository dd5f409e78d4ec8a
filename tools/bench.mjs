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
