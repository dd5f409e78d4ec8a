// tinyml train: Fashion-MNIST from Debian's dataset-fashion-mnist (or the page's subsets
// made by tools/prepare-fashion-mnist.mjs), the float weights file it writes, and the
// issue's bar: a small preset trained from scratch reaches 85% float test accuracy with
// int8 within one point of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { json, run } from './run_cli.mjs';

const prepare = fileURLToPath(new URL('../../tools/prepare-fashion-mnist.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tinyml-train-'));

test('the subset script writes gzipped IDX files with the first N examples', () => {
  const out = join(dir, 'subsets');
  const made = spawnSync(process.execPath, [prepare, '--out', out, '--train', '300', '--test', '100'], { encoding: 'utf8' });
  assert.equal(made.status, 0, made.stderr);
  const images = gunzipSync(readFileSync(join(out, 'train-images-idx3-ubyte.gz')));
  assert.deepEqual([...images.subarray(0, 4)], [0, 0, 8, 3]);
  assert.equal(images.readUInt32BE(4), 300);
  assert.equal(images.length, 16 + 300 * 28 * 28);
  const original = gunzipSync(readFileSync('/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz'));
  assert.ok(images.subarray(16).equals(original.subarray(16, 16 + 300 * 784)), 'the first 300 images');
  const labels = gunzipSync(readFileSync(join(out, 't10k-labels-idx1-ubyte.gz')));
  assert.equal(labels.readUInt32BE(4), 100);
});

test('train reads the subsets, writes float weights that quantize accepts, and repeats exactly', () => {
  const data = join(dir, 'subsets');
  const args = ['preset:FashionTinyNet', '--data', data, '--epochs', '1', '--test-subset', '100', '--calib', '20'];
  const first = join(dir, 'first.json');
  const second = join(dir, 'second.json');
  const report = json('train', ...args, '-o', first, '--json');
  assert.equal(report.train_images, 300);
  assert.equal(report.test_images, 100);
  assert.equal(report.epochs.length, 1);
  assert.ok(report.epochs[0].loss > 0 && report.epochs[0].loss < 2.4, `loss ${report.epochs[0].loss}`);
  assert.ok(report.train_images_per_second > 0);
  json('train', ...args, '-o', second, '--json');
  assert.equal(readFileSync(first, 'utf8'), readFileSync(second, 'utf8'), 'same seed, same weights');
  const weights = JSON.parse(readFileSync(first, 'utf8'));
  assert.equal(weights.format, 'tinyml-float-weights');
  assert.deepEqual(Object.keys(weights.ops), ['conv1', 'conv2', 'fc1']);
  const quantized = json('quantize', 'preset:FashionTinyNet', '--weights', first, '-o', join(dir, 'int8.json'), '--json');
  assert.equal(quantized.ops, 6);
  const other = json('train', ...args, '--seed', '2', '-o', second, '--json');
  assert.notEqual(readFileSync(first, 'utf8'), readFileSync(second, 'utf8'), 'another seed, other weights');
  assert.equal(other.options.seed, 2);
});

test('train rejects broken data files and bad options with the file and the reason', () => {
  const broken = join(dir, 'broken');
  mkdirSync(broken);
  const images = gunzipSync(readFileSync(join(dir, 'subsets', 'train-images-idx3-ubyte.gz')));
  writeFileSync(join(broken, 'train-images-idx3-ubyte'), images.subarray(0, images.length - 5));
  writeFileSync(join(broken, 'train-labels-idx1-ubyte.gz'), readFileSync(join(dir, 'subsets', 'train-labels-idx1-ubyte.gz')));
  const truncated = run('train', 'preset:FashionTinyNet', '--data', broken);
  assert.equal(truncated.status, 1);
  assert.match(truncated.stderr, /train-images-idx3-ubyte: truncated: the header promises 235200 elements/);

  writeFileSync(join(broken, 'train-images-idx3-ubyte'), Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]));
  const badGzip = run('train', 'preset:FashionTinyNet', '--data', broken);
  assert.equal(badGzip.status, 1);
  assert.match(badGzip.stderr, /train-images-idx3-ubyte: /);

  const missing = run('train', 'preset:FashionTinyNet', '--data', join(dir, 'nowhere'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /train-images-idx3-ubyte: not found/);

  const wrongInput = run('train', 'preset:TinyNet', '--data', join(dir, 'subsets'));
  assert.equal(wrongInput.status, 1);
  assert.match(wrongInput.stderr, /input: the data set's images are 1×28×28; the network input must be 1 channel/);

  assert.equal(run('train', 'preset:FashionTinyNet', '--epochs', '0').status, 2);
  assert.equal(run('train', 'preset:FashionTinyNet', '--optimizer', 'rmsprop').status, 1);
});

// The bar, trained from scratch with the CLI's defaults (Adam, 4 epochs, batch 32,
// the first 6000 training images — the page's subset) and tested on the first 2000 test
// images. About a minute on one loaded core here.
test('FashionTinyNet reaches 85% float test accuracy and int8 stays within one point', () => {
  const report = json('train', 'preset:FashionTinyNet', '--json');
  assert.equal(report.train_images, 6000);
  assert.equal(report.test_images, 2000);
  assert.ok(report.float_test_accuracy_percent >= 85, `float ${report.float_test_accuracy_percent}%`);
  assert.ok(Math.abs(report.int8_drop_points) <= 1, `int8 ${report.int8_test_accuracy_percent}%, float ${report.float_test_accuracy_percent}%`);
  console.log(`FashionTinyNet: float ${report.float_test_accuracy_percent}%, int8 ${report.int8_test_accuracy_percent}%, ` +
    `${report.train_seconds.toFixed(1)} s, ${report.train_images_per_second.toFixed(0)} images/s`);
});
