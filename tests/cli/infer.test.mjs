// quantize → infer → compare through the native CLI, the hand-written model file, and
// errors for malformed model and input files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { json, run } from './run_cli.mjs';

const handModel = fileURLToPath(new URL('../data/int8_hand_model.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tinyml-infer-'));

function file(name, value) {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

test('quantize a preset at 32x32, then infer on a generated pattern and on an input file', () => {
  const model = join(dir, 'tinynet.json');
  const summary = json('quantize', 'preset:TinyNet', '--resolution', '32', '--calib', '4', '-o', model, '--json');
  assert.equal(summary.ops, 6);
  assert.equal(summary.weight_bytes, 16 * 27 + 32 * 144 + 64 * 288 + 128 * 576 + 10 * 128);
  const written = JSON.parse(readFileSync(model, 'utf8'));
  assert.equal(written.format, 'tinyml-int8-model');
  assert.deepEqual(written.tensors[0].shape, [3, 32, 32]);

  const report = json('infer', model, '--pattern', 'rings', '--layers', '--json');
  assert.deepEqual(report.output.shape, [10]);
  assert.equal(report.output.int8.length, 10);
  const { scale, zero_point: zeroPoint } = report.output;
  report.output.int8.forEach((q, i) => assert.ok(Math.abs(report.output.values[i] - scale * (q - zeroPoint)) < 1e-6));
  assert.deepEqual(report.layers.map((layer) => layer.name), ['input', 'conv1', 'conv2', 'conv3', 'conv4', 'gap1', 'fc1']);
  assert.equal(report.layers[1].int8.length, 16 * 32 * 32);

  // The same image as a file of real values in C, H, W order gives the same output.
  const data = Array.from({ length: 3 * 32 * 32 }, (_, i) => Math.sin(i) * 0.9);
  const fromFile = json('infer', model, '--input', file('x.json', { shape: [3, 32, 32], data }), '--json');
  const quantized = data.map((v) => Math.max(-128, Math.min(127, Math.round(v / report.layers[0].scale) + report.layers[0].zero_point)));
  const fromInt8 = json('infer', model, '--input', file('q.json', { shape: [3, 32, 32], int8: quantized }), '--json');
  assert.deepEqual(fromInt8.output.int8, fromFile.output.int8);
});

test('the hand-written model gives the output worked out by hand', () => {
  const report = json('infer', handModel, '--input', file('hand.json', { shape: [1, 2, 2], data: [1, 2, 3, -4] }), '--json');
  assert.deepEqual(report.output.int8, [7]);
  assert.deepEqual(report.output.values, [3.5]);
  const text = run('infer', handModel, '--input', file('hand_int8.json', { shape: [1, 2, 2], int8: [2, 4, 6, -8] }));
  assert.equal(text.status, 0);
  assert.match(text.stdout, /int8 {3}7\n/);
});

test('compare reports per-layer errors, agreement and timing', () => {
  const report = json('compare', 'preset:MCUNet', '--resolution', '32', '--calib', '4', '--samples', '4', '--runs', '2', '--json');
  assert.equal(report.layers[0].name, 'input');
  assert.ok(report.layers[0].max_error_steps <= 0.5 + 1e-6);
  assert.equal(report.agreement.samples, 4);
  assert.ok(report.timing.int8_median_ms > 0 && report.timing.float_median_ms > 0);
});

test('malformed model and input files are errors on stderr with exit 1', () => {
  const hand = JSON.parse(readFileSync(handModel, 'utf8'));
  hand.ops[0].weights = [2, -4, 1];
  const bad = run('infer', file('bad.json', hand), '--pattern', 'noise');
  assert.equal(bad.status, 1);
  assert.equal(bad.stdout, '');
  assert.equal(bad.stderr.trim(), `error: ${join(dir, 'bad.json')}: ops[0].weights: must have 2 values, got 3`);

  hand.ops[0].weights = [2, -4];
  hand.tensors[1].zero_point = 300;
  assert.match(run('infer', file('zp.json', hand), '--pattern', 'noise').stderr, /tensors\[1\]\.zero_point: must be at most 127, got 300/);

  const wrongShape = run('infer', handModel, '--input', file('shape.json', { shape: [3, 2, 2], data: [1] }));
  assert.equal(wrongShape.status, 1);
  assert.match(wrongShape.stderr, /shape\.json: shape: the network takes \[1, 2, 2\], got \[3, 2, 2\]/);

  assert.match(run('infer', file('syntax.json', '{"format": '), '--pattern', 'noise').stderr, /invalid JSON at line 1/);
  assert.equal(run('infer', handModel).status, 2);  // neither --input nor --pattern
  assert.equal(run('quantize', 'preset:TinyNet').status, 2);  // no -o
});
