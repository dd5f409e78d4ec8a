// int8 inference through the wasm API equals the native CLI's, byte for byte: for every
// preset at 32×32 and TinyNet at its native 128×128, the quantized model file, the int8
// output and every intermediate int8 tensor; and the float-vs-int8 comparison.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { createPlayground } from '../../wasm/api.js';
import { cliJson } from './native_cli.mjs';

const dir = mkdtempSync(join(tmpdir(), 'tinyml-wasm-infer-'));
let playground;

before(async () => {
  playground = await createPlayground();
});

// Quantizes `preset` both ways and checks the model file, then infer on `pattern`.
function checkPreset(preset, { resolution, seed, calib, pattern, patternSeed }) {
  const file = join(dir, `${preset}-${resolution ?? 'native'}.json`);
  const sizeArgs = resolution ? ['--resolution', String(resolution)] : [];
  cliJson('quantize', `preset:${preset}`, ...sizeArgs, '--seed', String(seed), '--calib', String(calib), '-o', file, '--json');
  const native = cliJson('infer', file, '--pattern', pattern, '--seed', String(patternSeed), '--layers', '--json');

  const session = playground.quantize({ preset, resolution, seed, calib });
  try {
    assert.deepEqual(session.modelFile(), JSON.parse(readFileSync(file, 'utf8')), `${preset}: the int8 model file`);
    const wasm = session.infer({ pattern, seed: patternSeed }, { layers: true });
    assert.deepEqual(wasm.output, native.output, `${preset}: the int8 output`);
    assert.equal(wasm.layers.length, native.layers.length);
    wasm.layers.forEach((layer, index) => assert.deepEqual(layer, native.layers[index], `${preset}: tensor ${layer.name}`));
  } finally {
    session.delete();
  }
  // The CLI's model file, loaded into wasm, runs to the same bytes.
  const loaded = playground.loadInt8Model(readFileSync(file, 'utf8'));
  try {
    assert.equal(loaded.has_float, false);
    assert.deepEqual(loaded.infer({ pattern, seed: patternSeed }).output, native.output);
  } finally {
    loaded.delete();
  }
  return native;
}

test('every preset at 32x32: wasm model file, int8 output and every int8 tensor equal the CLI\'s', () => {
  const names = playground.presets().map((preset) => preset.name);
  assert.ok(names.length >= 4);
  names.forEach((name, index) => {
    const native = checkPreset(name, { resolution: 32, seed: 2 + index, calib: 4, pattern: ['rings', 'checkerboard', 'gradient', 'noise'][index % 4], patternSeed: 3 });
    assert.ok(native.layers.length > 3, `${name} has layers`);
  });
});

test('TinyNet at its native 128x128 equals the CLI too', () => {
  const native = checkPreset('TinyNet', { seed: 1, calib: 4, pattern: 'checkerboard', patternSeed: 7 });
  assert.deepEqual(native.layers[1].shape, [16, 128, 128]);
});

test('compare equals the CLI\'s compare: per-layer ranges and errors, both outputs', () => {
  const native = cliJson('compare', 'preset:MCUNet', '--resolution', '48', '--seed', '5', '--calib', '4', '--pattern', 'rings', '--json');
  const session = playground.quantize({ preset: 'MCUNet', resolution: 48, seed: 5, calib: 4 });
  try {
    const wasm = session.compare({ pattern: 'rings', seed: 5 }, { runs: 2 });
    assert.deepEqual(wasm.layers, native.layers);
    assert.deepEqual(wasm.output, native.output);
    assert.deepEqual(wasm.int8_output.int8, native.output.int8);
    assert.equal(wasm.timing.runs, 2);
    assert.ok(wasm.timing.int8_median_ms > 0 && wasm.timing.float_median_ms > 0);
    // Untimed warm-up for 300 ms first: many runs of a network this small (~1 ms each).
    assert.ok(wasm.timing.int8_warmup_runs > 1, `${wasm.timing.int8_warmup_runs} int8 warm-up runs`);
    assert.ok(wasm.timing.float_warmup_runs >= 1);
  } finally {
    session.delete();
  }
});

test('a tensor in C, H, W order and the same values in H, W, C order give the same output', () => {
  const session = playground.quantize({ preset: 'TinyNet', resolution: 16, calib: 2 });
  try {
    const [channels, height, width] = session.input_shape;
    const chw = Float32Array.from({ length: channels * height * width }, (_, i) => Math.sin(i * 0.37));
    const hwc = new Float32Array(chw.length);
    for (let c = 0; c < channels; ++c) {
      for (let p = 0; p < height * width; ++p) hwc[p * channels + c] = chw[c * height * width + p];
    }
    const fromChw = session.infer({ tensor: chw }, { layers: true });
    assert.deepEqual(session.infer({ tensor: hwc, layout: 'hwc' }, { layers: true }), fromChw);
    // The same values as the CLI's input-file form.
    assert.deepEqual(session.infer({ input: { shape: [channels, height, width], data: Array.from(chw) } }, { layers: true }), fromChw);
  } finally {
    session.delete();
  }
});

test('image pixels are resized in the core: a flat grey image is a constant input', () => {
  const session = playground.quantize({ preset: 'TinyNet', resolution: 16, calib: 2 });
  try {
    const rgba = new Uint8ClampedArray(40 * 30 * 4).fill(191);
    const report = session.infer({ pixels: { width: 40, height: 30, data: rgba } }, { layers: true });
    const input = report.layers[0];
    assert.ok(input.int8.every((q) => q === input.int8[0]), 'a constant input');
    assert.ok(Math.abs(input.scale * (input.int8[0] - input.zero_point) - (191 / 127.5 - 1)) <= input.scale / 2 + 1e-6);
    // Same pixels as RGB without alpha: same result.
    const rgb = new Uint8Array(40 * 30 * 3).fill(191);
    assert.deepEqual(session.infer({ pixels: { width: 40, height: 30, channels: 3, data: rgb } }, { layers: true }), report);
  } finally {
    session.delete();
  }
});
