// presets() and mcus() through wasm list exactly what the native CLI lists.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { createPlayground } from '../../wasm/api.js';
import { cliJson } from './native_cli.mjs';

let playground;
before(async () => {
  playground = await createPlayground();
});

test('presets() equals the CLI `presets --json`', () => {
  const presets = playground.presets();
  assert.ok(presets.length > 0, 'the core has presets');
  assert.deepStrictEqual(presets, cliJson('presets', '--json'));
});

test('presets include the lecture networks', () => {
  const names = playground.presets().map((preset) => preset.name);
  for (const name of ['TinyNet', 'MCUNet']) assert.ok(names.includes(name), `${name} in ${names}`);
});

test('mcus() equals the CLI `mcus --json`', () => {
  const mcus = playground.mcus();
  assert.ok(mcus.length > 0, 'the catalog has MCUs');
  assert.deepStrictEqual(mcus, cliJson('mcus', '--json'));
});
