// NAS with measured accuracy in wasm (core/api_nas_accuracy.hpp through wasm/api.js and
// the worker's logic web/model/nas_accuracy_service.js): the same request gives the
// native CLI's result (measured seconds aside); slices give the one-call result; the
// training phase reports progress and stops on cancel; without data it names the field.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

import { PlaygroundError, createPlayground } from '../../wasm/api.js';
import { NasAccuracyService } from '../../web/model/nas_accuracy_service.js';
import { TrainingService } from '../../web/model/training_service.js';
import { cliJson } from './native_cli.mjs';

const source = '/usr/share/datasets/fashion-mnist/';
const idx = (file) => new Uint8Array(gunzipSync(readFileSync(source + file)));
const request = {
  space: 'fashion', sram_kb: 6, flash_kb: 20, trials: 200, space_samples: 20, seed: 2, objective: 'accuracy',
  accuracy: { candidates: 2, epochs: 1, train_images: 200, test_images: 150, seed: 4 },
};
const cliArgs = ['nas', '--space', 'fashion', '--sram-kb', '6', '--flash-kb', '20', '--trials', '200', '--space-samples', '20',
  '--seed', '2', '--objective', 'accuracy', '--candidates', '2', '--epochs', '1', '--train-images', '200',
  '--test-images', '150', '--train-seed', '4', '--json'];
let playground;

before(async () => {
  playground = await createPlayground();
});

// The result without what is timed (seconds differ from run to run).
function untimed(result) {
  return JSON.parse(JSON.stringify(result, (key, value) => (/(^|_)s$|seconds|_s_per_image$/.test(key) ? undefined : value)));
}

test('without loaded data an accuracy search is refused naming the data', () => {
  assert.throws(() => playground.nas(request), (error) => error instanceof PlaygroundError && error.path === 'data');
});

test('wasm nas with objective accuracy gives the native CLI\'s result for the same request', () => {
  new TrainingService(playground).load({
    train: { images: idx('train-images-idx3-ubyte.gz'), labels: idx('train-labels-idx1-ubyte.gz') },
    test: { images: idx('t10k-images-idx3-ubyte.gz'), labels: idx('t10k-labels-idx1-ubyte.gz') },
  });
  const phases = [];
  const result = playground.nas(request, (increment) => { phases.push(increment); });
  const native = cliJson(...cliArgs);
  assert.deepEqual(untimed(result), untimed(native));
  assert.equal(result.accuracy.trained, 2);
  assert.ok(result.top[0].accuracy.float_percent >= result.top[1].accuracy.float_percent);
  // Training increments follow the search's; the first carries the estimate.
  const training = phases.filter((increment) => increment.phase === 'training');
  assert.ok(training.length >= 2);
  assert.ok(training[0].estimate.estimate_s > 0);
  assert.ok(phases.indexOf(training[0]) > phases.findIndex((increment) => increment.phase === 'evolution'));
  assert.equal(training.at(-1).final, true);
  assert.equal(training.at(-1).images_done, 2 * 200);
  assert.equal(training.at(-1).measured.length, 2);
});

test('the worker service trains in slices to the one-call result, and its cancel stops the training phase', async () => {
  const service = new NasAccuracyService(playground);
  const estimate = service.nasAccuracyEstimate({ request });
  assert.equal(estimate.candidates, 2);
  assert.equal(estimate.estimate.train_image_passes, 2 * 200);
  const oneCall = playground.nas(request);
  const increments = [];
  const sliced = await service.nasAccuracy({ request, sliceMs: 5 }, (increment) => increments.push(increment));
  assert.deepEqual(untimed(sliced), untimed(oneCall));
  assert.ok(increments.some((increment) => increment.phase === 'estimate'));
  assert.ok(increments.filter((increment) => increment.phase === 'training').length > 2, 'several slices');

  let cancelled = false;
  const partial = await service.nasAccuracy({ request, sliceMs: 5 }, (increment) => {
    if (increment.phase === 'training' && increment.images_done > 0 && !cancelled) cancelled = service.nasAccuracyCancel();
  });
  assert.ok(cancelled);
  assert.equal(partial.cancelled, true);
  assert.equal(partial.accuracy.cancelled, true);
  assert.ok(partial.accuracy.trained < 2);
  assert.equal(service.nasAccuracyCancel(), false, 'nothing running');
});

test('an onProgress that returns false in the training phase cancels the one-call run', () => {
  const result = playground.nas(request, (increment) => increment.phase !== 'training' || increment.trained < 1);
  assert.equal(result.cancelled, true);
  assert.equal(result.accuracy.trained, 1);
  assert.equal(result.top[1].accuracy.float_percent, null);
});
