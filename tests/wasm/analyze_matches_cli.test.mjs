// analyze() through wasm gives exactly the report the native CLI prints, for every
// preset: without an MCU, with each MCU of the catalog, and in fp32. The CLI builds its
// report from preset:NAME directly, the wasm side from the preset's spec text.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { createPlayground } from '../../wasm/api.js';
import { cliJson } from './native_cli.mjs';

const presets = cliJson('presets', '--json');
const mcus = cliJson('mcus', '--json');

let playground;
before(async () => {
  playground = await createPlayground();
});

for (const preset of presets) {
  describe(`preset ${preset.name}`, () => {
    const specText = JSON.stringify(preset.spec);

    test('no MCU', () => {
      const native = cliJson('analyze', `preset:${preset.name}`, '--json');
      assert.deepStrictEqual(playground.analyze(specText), native);
      assert.equal(native.mcu, undefined);
    });

    for (const mcu of mcus) {
      test(`on ${mcu.name}`, () => {
        const native = cliJson('analyze', `preset:${preset.name}`, '--mcu', mcu.name, '--json');
        assert.deepStrictEqual(playground.analyze(specText, { mcu: mcu.name }), native);
        assert.equal(native.mcu.name, mcu.name);
      });
    }

    test('fp32', () => {
      const native = cliJson('analyze', `preset:${preset.name}`, '--precision', 'fp32', '--json');
      assert.deepStrictEqual(playground.analyze(specText, { precision: 'fp32' }), native);
      assert.equal(native.precision, 'fp32');
    });
  });
}
