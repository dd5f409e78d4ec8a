// The native CLI as a user runs it: readable tables, JSON reports, lists, and errors on
// stderr with a non-zero exit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from '../wasm/native_cli.mjs';

function run(...args) {
  return spawnSync(cliPath, args, { encoding: 'utf8' });
}

function specFile(text) {
  const dir = mkdtempSync(join(tmpdir(), 'tinyml-cli-'));
  const path = join(dir, 'spec.json');
  writeFileSync(path, text);
  return path;
}

test('analyze prints the lecture table for TinyNet', () => {
  const { status, stdout } = run('analyze', 'preset:TinyNet', '--mcu', 'STM32F4');
  assert.equal(status, 0);
  // conv2 row: 16x128x128 → 32x64x64, 256.00 in, 128.00 out, 4.50 weights KB
  assert.match(stdout, /conv2\s+conv2d\s+16x128x128\s+32x64x64\s+256\.00\s+128\.00\s+4\.50/);
  assert.match(stdout, /lecture_in_out\s+384\.00 KB\s+at conv2/);
  assert.match(stdout, /SRAM\s+DOES NOT FIT: the peak \(live\) exceeds the SRAM by 256\.00 KB/);
});

test('analyze --json reads a spec file and a custom MCU', () => {
  const path = specFile(JSON.stringify({
    name: 'two', input: [1, 8, 8],
    layers: [{ type: 'conv2d', out: 2, kernel: 3 }, { type: 'global_avgpool' }, { type: 'linear', out: 3 }],
  }));
  const { status, stdout } = run('analyze', path, '--mcu', 'custom:16:1:8', '--json');
  assert.equal(status, 0);
  const report = JSON.parse(stdout);
  assert.equal(report.name, 'two');
  assert.equal(report.params, 2 * 9 + 2 + 2 * 3 + 3);
  assert.deepEqual(report.layers.map((layer) => layer.type), ['conv2d', 'global_avgpool', 'linear']);
  assert.equal(report.mcu.sram_bytes, 1024);
  assert.equal(report.mcu.fits_sram, true);  // 64 + 128 bytes alive at most
});

test('a bad spec prints its path and reason to stderr and exits 1', () => {
  const path = specFile('{"input": [3, 8, 8], "layers": [{"type": "conv2d", "out": 4, "kernel": 3},\n {"type": "conv2d", "out": 4, "kernel": 3, "stride": 0}]}');
  const { status, stdout, stderr } = run('analyze', path);
  assert.equal(status, 1);
  assert.equal(stdout, '');
  assert.equal(stderr.trim(), 'error: layers[1].stride: must be 1 or more, got 0');

  const broken = run('analyze', specFile('{"input": [3, 8, 8],\n "layers": [}'));
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /error: invalid JSON at line 2, column 13/);

  const missing = run('analyze', '/nonexistent/spec.json');
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /cannot open the file/);
});

test('usage errors exit 2; lists name every preset and MCU', () => {
  assert.equal(run('frobnicate').status, 2);
  assert.equal(run('analyze', 'preset:TinyNet', '--mcu').status, 2);
  assert.equal(run('analyze', 'preset:TinyNet', '--mcu', 'Z80').status, 1);
  const presets = JSON.parse(run('presets', '--json').stdout).map((preset) => preset.name);
  assert.deepEqual(presets, ['TinyNet', 'MCUNet', 'MobileNetV2', 'ResNet-18', 'FashionTinyNet', 'FashionMCUNet']);
  const mcus = run('mcus').stdout;
  for (const name of ['STM32F4', 'STM32H7', 'nRF52840', 'ESP32', 'Cortex-M0', 'STM32F746', 'STM32F412']) {
    assert.match(mcus, new RegExp(`^${name} `, 'm'));
  }
});
