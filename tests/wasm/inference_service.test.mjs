// The inference worker's logic (web/model/inference_service.js) on the real wasm core:
// prepare quantizes once per network, run compares on an input, a bad network keeps
// the previous session; and the panel's view model over a real report.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { createPlayground } from '../../wasm/api.js';
import { InferenceService } from '../../web/model/inference_service.js';
import { agreementText, classRows, inputPreviewPixels, latencyLines, layerErrorRows, pixelCanvasSize } from '../../web/model/inference_view.js';

let playground;
const spec = JSON.stringify({ name: 'Small', input: [3, 16, 16], layers: [
  { type: 'conv2d', out: 8, kernel: 3, stride: 2, act: 'relu' },
  { type: 'global_avgpool' },
  { type: 'linear', out: 12 },
] });

before(async () => {
  playground = await createPlayground();
});

test('prepare quantizes once per network and seed; run compares on the input', () => {
  const service = new InferenceService(playground);
  assert.throws(() => service.run({ input: { pattern: 'noise' } }), /prepare first/);
  const first = service.prepare({ spec, seed: 1, calib: 2 });
  assert.deepEqual(first.input_shape, [3, 16, 16]);
  assert.equal(first.has_float, true);
  assert.equal(service.prepare({ spec, seed: 1, calib: 2 }).handle, first.handle, 'same network: same session');
  const report = service.run({ input: { pattern: 'gradient', seed: 2 }, runs: 1 });
  assert.equal(report.output.float.length, 12);
  assert.equal(report.timing.runs, 1);

  // A network with an error: the error, and the previous session still runs.
  assert.throws(() => service.prepare({ spec: '{"input": [3, 16, 16], "layers": [{"type": "conv2d"}]}' }), /layers\[0\]\.out/);
  assert.deepEqual(service.run({ input: { pattern: 'gradient', seed: 2 } }).output, report.output);
  const second = service.prepare({ spec, seed: 2, calib: 2 });
  assert.notEqual(second.handle, first.handle);
});

test('the panel\'s rows: classes by float score, layers with ranges and errors', () => {
  const service = new InferenceService(playground);
  service.prepare({ spec, seed: 1, calib: 2 });
  const report = service.run({ input: { pattern: 'rings', seed: 4 } });
  const rows = classRows(report.output, report.int8_output, 5);
  assert.equal(rows.length, 5);
  assert.equal(rows[0].index, report.output.float_argmax);
  for (let i = 1; i < rows.length; ++i) assert.ok(rows[i - 1].float >= rows[i].float);
  rows.forEach((row) => assert.equal(row.q, report.int8_output.int8[row.index]));
  assert.match(agreementText(report.output), /^argmax (agrees \(class \d+\)|differs: float class \d+, int8 class \d+); top-5 overlap \d of 5$/);
  const layers = layerErrorRows(report.layers);
  assert.deepEqual(layers.map((layer) => layer.name), report.layers.map((layer) => layer.name));
  assert.equal(layers[0].shape, '3×16×16');
});

test('the latency lines state the sum and its basis', () => {
  const lines = latencyLines(playground.estimateLatency({ mcu: 'STM32F746', macs: 12298240 }));
  assert.equal(lines.headline, '≈ 99.1 ms on STM32F746');
  assert.equal(lines.sum, '12.30 M MACs × 1.74 cycles/MAC (Cortex-M7) ÷ 216 MHz');
  assert.match(lines.basis, /^Measured figure: /);
  assert.match(lines.source, /^Source: .*CMSIS-NN/);
  const custom = latencyLines(playground.estimateLatency({ mcu: { name: 'mine', flash_kb: 8, sram_kb: 8, clock_mhz: 8 }, macs: 8 }));
  assert.match(custom.sum, /\(custom, assumed Cortex-M4\)/);
});

test('images are drawn at most 4x the network input per side, keeping their aspect', () => {
  assert.deepEqual(pixelCanvasSize(4000, 3000, [3, 128, 128]), { width: 512, height: 384 });
  assert.deepEqual(pixelCanvasSize(100, 50, [3, 128, 128]), { width: 100, height: 50 });
  assert.deepEqual(pixelCanvasSize(10000, 10, [1, 32, 32]), { width: 128, height: 1 });
});

test('the input preview shows what the network gets: the pattern as RGBA pixels', () => {
  const service = new InferenceService(playground);
  service.prepare({ spec, seed: 1, calib: 2 });
  const report = service.run({ input: { pattern: 'checkerboard', seed: 1 }, inputValues: true });
  assert.deepEqual(report.input.shape, [3, 16, 16]);
  const pixels = inputPreviewPixels(report.input);
  assert.equal(pixels.data.length, 16 * 16 * 4);
  // Pixel 5's green byte is channel 1's value at 5, mapped from [−1, 1].
  assert.equal(pixels.data[5 * 4 + 1], Math.round((report.input.values[256 + 5] + 1) * 127.5));
  assert.equal(pixels.data[5 * 4 + 3], 255);
  assert.equal(inputPreviewPixels({ shape: [10], values: [] }), null);
  assert.equal(service.run({ input: { pattern: 'checkerboard', seed: 1 } }).input, undefined);
});

test('prepare with trained weights: a new session per weightsKey; null weights are seeded', () => {
  const service = new InferenceService(playground);
  const seeded = service.prepare({ spec, seed: 1, calib: 2, weights: null });
  // A float weights file for the network: zero filters, every output's bias 0.5.
  const zero = { ops: { conv1: { weight: new Array(8 * 3 * 3 * 3).fill(0), bias: new Array(8).fill(0) },
    fc1: { weight: new Array(12 * 8).fill(0), bias: new Array(12).fill(0.5) } } };
  const trained = service.prepare({ spec, seed: 1, calib: 2, weights: zero, weightsKey: 'zero' });
  assert.notEqual(trained.handle, seeded.handle);
  assert.equal(service.prepare({ spec, seed: 1, calib: 2, weights: zero, weightsKey: 'zero' }).handle, trained.handle);
  const report = service.run({ input: { pattern: 'noise', seed: 1 } });
  for (const value of report.output.float) assert.equal(value, 0.5, 'every output is the bias');
});
