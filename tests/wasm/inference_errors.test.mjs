// The hand-written int8 model through wasm, and malformed models, inputs and requests:
// each a PlaygroundError with the path and the reason, never a crash.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';

import { createPlayground, PlaygroundError } from '../../wasm/api.js';

const handText = readFileSync(new URL('../data/int8_hand_model.json', import.meta.url), 'utf8');
let playground;

before(async () => {
  playground = await createPlayground();
});

function rejects(run, path, reason) {
  assert.throws(run, (error) => {
    assert.ok(error instanceof PlaygroundError, `a PlaygroundError, got ${error}`);
    assert.equal(error.path, path);
    if (reason instanceof RegExp) assert.match(error.reason, reason);
    else assert.equal(error.reason, reason);
    return true;
  });
}

test('the hand-written model gives its hand-worked output through wasm', () => {
  const session = playground.loadInt8Model(handText);
  try {
    assert.deepEqual(session.input_shape, [1, 2, 2]);
    const report = session.infer({ input: { shape: [1, 2, 2], data: [1, 2, 3, -4] } }, { layers: true });
    assert.deepEqual(report.output.int8, [7]);
    assert.deepEqual(report.output.values, [3.5]);
    assert.deepEqual(report.layers.map((layer) => layer.name), ['input', 'conv', 'pool', 'gap', 'sum', 'flat', 'out']);
    assert.deepEqual(session.infer({ tensor: [1, 2, 3, -4] }).output.int8, [7]);
    assert.deepEqual(session.infer({ input: { shape: [1, 2, 2], int8: [2, 4, 6, -8] } }).output.int8, [7]);
  } finally {
    session.delete();
  }
});

test('malformed model files are errors naming the field', () => {
  const hand = JSON.parse(handText);
  hand.ops[0].weights = [2, -4, 1];
  rejects(() => playground.loadInt8Model(hand), 'ops[0].weights', 'must have 2 values, got 3');
  hand.ops[0].weights = [2, -4];
  hand.tensors[1].zero_point = 300;
  rejects(() => playground.loadInt8Model(hand), 'tensors[1].zero_point', 'must be at most 127, got 300');
  hand.tensors[1].zero_point = -128;
  hand.tensors[2].scale = 0;
  rejects(() => playground.loadInt8Model(hand), 'tensors[2].scale', /must be/);
  assert.throws(() => playground.loadInt8Model('{"format": '), (error) => error instanceof PlaygroundError && error.line === 1);
});

test('malformed inputs and requests are errors naming the field', () => {
  const session = playground.loadInt8Model(handText);
  try {
    rejects(() => session.infer({ input: { shape: [3, 2, 2], data: [1] } }), 'shape', 'the network takes [1, 2, 2], got [3, 2, 2]');
    rejects(() => session.infer({ tensor: [1, 2, 3] }), 'tensor', 'the network takes 4 values, got 3');
    rejects(() => session.infer({ tensor: [1, 2, 3, NaN] }), 'tensor[3]', 'must be a finite number');
    rejects(() => session.infer({ pattern: 'stripes' }), 'pattern', /stripes/);
    rejects(() => session.infer({ pixels: { width: 2, height: 2, data: new Uint8Array(3) } }), 'pixels.data',
      'must hold width × height × channels = 16 values, got 3');
    rejects(() => session.infer({}), '', 'give exactly one input: "pattern", "input", "tensor" or "pixels"');
    rejects(() => session.infer({ pattern: 'noise' }, { runs: -1 }), 'runs', /must be/);
    rejects(() => session.compare({ pattern: 'noise' }), 'handle', /no float network/);
  } finally {
    session.delete();
  }
  rejects(() => session.infer({ pattern: 'noise' }), 'handle', /no open model/);
  rejects(() => playground.quantize({ preset: 'TinyNet', calib: 0 }), 'calib', /must be/);
  rejects(() => playground.quantize({ preset: 'NoSuchNet' }), 'preset', /NoSuchNet/);
  rejects(() => playground.quantize({ spec: '{"input": [3, 8, 8], "layers": [{"type": "conv2d", "out": 4, "kernel": 3, "stride": 0}]}' }),
    'layers[0].stride', 'must be 1 or more, got 0');
  rejects(() => playground.quantize({ preset: 'TinyNet', colour: 'red' }), 'colour', /unknown field/);
});

test('the MCU estimate: MACs × cycles per MAC ÷ clock, with its source', () => {
  const m7 = playground.estimateLatency({ mcu: 'STM32F746', macs: 12298240 });
  assert.equal(m7.core, 'Cortex-M7');
  assert.ok(Math.abs(m7.ms - 99.1) < 1e-9, 'the CMSIS-NN measurement the figure comes from');
  assert.match(m7.source, /CMSIS-NN/);
  const m4 = playground.estimateLatency({ mcu: 'STM32F4', macs: 12298240 });
  assert.ok(Math.abs(m4.ms - (12298240 * m4.cycles_per_mac) / (180 * 1e3)) < 1e-9);
  const custom = playground.estimateLatency({ mcu: { name: 'mine', flash_kb: 64, sram_kb: 16, clock_mhz: 10 }, macs: 1000 });
  assert.equal(custom.assumed_core, true);
  rejects(() => playground.estimateLatency({ mcu: 'STM32F4', macs: 1.5 }), 'macs', /whole number/);
});
