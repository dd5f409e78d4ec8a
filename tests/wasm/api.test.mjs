// The shape of the public JS API in wasm/api.js.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import * as api from '../../wasm/api.js';

test('api.js exports createPlayground and PlaygroundError', () => {
  assert.equal(typeof api.createPlayground, 'function');
  assert.ok(api.PlaygroundError.prototype instanceof Error);
});

test('createPlayground resolves to an object with analyze, presets, mcus and nas', async () => {
  const playground = await api.createPlayground();
  assert.deepStrictEqual(Object.keys(playground).sort(), ['analyze', 'estimateLatency', 'loadDataset', 'loadInt8Model', 'mcus', 'nas', 'presets', 'quantize', 'startNasAccuracy', 'startTraining']);
  assert.ok(Object.isFrozen(playground));
});

test('two playgrounds are independent modules that agree', async () => {
  const [first, second] = await Promise.all([api.createPlayground(), api.createPlayground()]);
  const spec = first.presets()[0].spec;
  assert.deepStrictEqual(first.analyze(spec), second.analyze(spec));
});

test('PlaygroundError carries path, reason, line and column', () => {
  const error = new api.PlaygroundError({ path: 'layers[2].out', message: 'is required' });
  assert.equal(error.message, 'layers[2].out: is required');
  assert.equal(error.path, 'layers[2].out');
  assert.equal(error.reason, 'is required');
  assert.equal(error.line, null);
  assert.equal(error.column, null);
  assert.ok(error instanceof Error);
});

test('every preset analyses repeatedly without growing trouble', async () => {
  const playground = await api.createPlayground();
  for (const preset of playground.presets()) {
    const first = playground.analyze(preset.spec);
    for (let round = 0; round < 5; ++round) assert.deepStrictEqual(playground.analyze(preset.spec), first);
  }
});
