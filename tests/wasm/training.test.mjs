// Training in wasm (core/api_training.hpp through wasm/training_api.js, and the worker's
// logic web/model/training_service.js): the same options on the same subset give the
// native CLI's weights bit for bit; slicing does not change a run; cancel stops it; bad
// options and bad data are PlaygroundErrors naming the field.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { PlaygroundError, createPlayground } from '../../wasm/api.js';
import { TrainingService } from '../../web/model/training_service.js';
import { cliJson } from './native_cli.mjs';

const source = '/usr/share/datasets/fashion-mnist/';
const idx = (file) => new Uint8Array(gunzipSync(readFileSync(source + file)));
let playground;
let data;

before(async () => {
  playground = await createPlayground();
  data = {
    train: { images: idx('train-images-idx3-ubyte.gz'), labels: idx('train-labels-idx1-ubyte.gz') },
    test: { images: idx('t10k-images-idx3-ubyte.gz'), labels: idx('t10k-labels-idx1-ubyte.gz') },
  };
  new TrainingService(playground).load(data);
});

const options = { train_subset: 256, test_subset: 200, epochs: 2, batch: 32, seed: 3, calib: 50 };

function trainAll(request, slice) {
  const run = playground.startTraining(request);
  const losses = [];
  try {
    let progress;
    do {
      progress = run.steps(slice);
      losses.push(progress.loss);
    } while (!progress.done);
    assert.equal(progress.steps_done, run.total_steps);
    return { progress, losses, report: run.finish() };
  } finally {
    run.delete();
  }
}

test('wasm training gives the native CLI\'s weights and accuracies for the same options and subset', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tinyml-wasm-train-'));
  const native = cliJson('train', 'preset:FashionTinyNet', '--train-subset', '256', '--test-subset', '200', '--epochs', '2',
    '--batch', '32', '--seed', '3', '--calib', '50', '-o', join(dir, 'w.json'), '--int8-model', join(dir, 'm.json'), '--json');
  const { progress, report } = trainAll({ preset: 'FashionTinyNet', ...options }, 3);
  assert.deepEqual(report.weights, JSON.parse(readFileSync(join(dir, 'w.json'), 'utf8')), 'float weights bit for bit');
  assert.deepEqual(report.int8_model, JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8')), 'int8 model');
  assert.deepEqual(progress.epoch_results, native.epochs, 'loss and accuracy per epoch');
  assert.equal(report.float_test_accuracy_percent, native.float_test_accuracy_percent);
  assert.equal(report.int8_test_accuracy_percent, native.int8_test_accuracy_percent);
  assert.equal(report.test_images, 200);
  assert.equal(progress.epoch, 1, 'the last epoch, 0-based');
  assert.equal(progress.step, progress.steps);
});

test('slices do not change a run: 1 batch at a time equals 100 at a time', () => {
  const small = { spec: { name: 'Small', input: [1, 28, 28], layers: [
    { type: 'conv2d', out: 4, kernel: 3, stride: 2, bn: true, act: 'relu' }, { type: 'global_avgpool' }, { type: 'linear', out: 10 }] },
  train_subset: 100, test_subset: 50, epochs: 2, batch: 16, seed: 7, calib: 10 };
  const one = trainAll(small, 1);
  const many = trainAll(small, 100);
  assert.deepEqual(one.report.weights, many.report.weights);
  assert.equal(one.losses.length, 14, '7 batches an epoch, 2 epochs');
  assert.ok(one.losses.every(Number.isFinite));
});

test('cancel stops a run in the worker\'s service between slices; the next run works', async () => {
  const service = new TrainingService(playground);
  const updates = [];
  const result = await service.train({ spec: JSON.stringify({ name: 'T', input: [1, 32, 32], layers: [
    { type: 'conv2d', out: 4, kernel: 3, act: 'relu' }, { type: 'global_avgpool' }, { type: 'linear', out: 10 }] }),
  options: { train_subset: 2000, test_subset: 50, epochs: 3, batch: 8 }, sliceMs: 1 }, (update) => {
    updates.push(update);
    if (update.progress) service.cancel();
  });
  assert.equal(result.cancelled, true);
  assert.ok(result.progress.steps_done < result.progress.total_steps, `stopped at ${result.progress.steps_done}`);
  assert.equal(updates.filter((update) => update.progress).length, 1, 'one slice, then the cancel');
  assert.equal(service.cancel(), false, 'nothing running any more');
  const again = await service.train({ spec: 'x', options: {} }).catch((error) => error);
  assert.ok(again instanceof PlaygroundError, 'a bad network is an error, and the service is free again');
});

test('bad options, networks and data are PlaygroundErrors naming the field', () => {
  const fails = (request, path, pattern) => assert.throws(() => playground.startTraining(request), (error) =>
    error instanceof PlaygroundError && error.path === path && pattern.test(error.reason));
  const base = { preset: 'FashionTinyNet', train_subset: 64 };
  fails({ ...base, epochs: 0 }, 'epochs', /1/);
  fails({ ...base, batch: 5000 }, 'batch', /4096/);
  fails({ ...base, lr: -1 }, 'lr', />/);
  fails({ ...base, lr: 'fast' }, 'lr', /number/);
  fails({ ...base, optimizer: 'rmsprop' }, 'optimizer', /adam/);
  fails({ ...base, momentum: 1 }, 'momentum', /\[0, 1\)/);
  fails({ ...base, schedule: 'step' }, 'schedule', /cosine/);
  fails({ ...base, epoch: 2 }, 'epoch', /unknown|not/);
  fails({ preset: 'TinyNet' }, 'input', /./);
  fails({ spec: '{"input": [1, 28, 28], "layers": [{"type": "linear", "out": 4}]}' }, 'network', /4.*10|10.*4/);
  const bad = (images, labels, path, pattern) => assert.throws(() => playground.loadDataset('train', images, labels),
    (error) => error instanceof PlaygroundError && error.path === path && pattern.test(error.reason));
  bad(data.train.images.subarray(0, 1000), data.train.labels, 'train images', /bytes|header|truncated/);
  bad(new Uint8Array([0x1f, 0x8b, 8, 0]), data.train.labels, 'train images', /gzip|magic/);
  assert.throws(() => playground.loadDataset('validation', data.test.images, data.test.labels), (error) => error.path === 'split');
  const run = playground.startTraining({ preset: 'FashionTinyNet', train_subset: 64 });
  assert.throws(() => run.steps(0), (error) => error.path === 'batches');
  run.delete();
  assert.throws(() => run.steps(1), (error) => error instanceof PlaygroundError && error.path === 'handle');
});
