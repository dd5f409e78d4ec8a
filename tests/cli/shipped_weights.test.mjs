// The presets' shipped weights (web/data/weights/, made by tools/train-presets.sh) reach
// the test accuracy their report states, measured again here by `tinyml evaluate` on
// Debian's Fashion-MNIST; and FashionTinyNet's meets the bar (float ≥ 85%, int8
// within one point).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { json, run } from './run_cli.mjs';

const dir = fileURLToPath(new URL('../../web/data/weights/', import.meta.url));
const names = readdirSync(dir).filter((file) => file.endsWith('.report.json')).map((file) => file.slice(0, -'.report.json'.length));

test('weights ship for FashionTinyNet and FashionMCUNet', () => {
  assert.deepEqual(names.sort(), ['FashionMCUNet', 'FashionTinyNet']);
});

for (const name of names) {
  test(`${name}'s shipped weights reach their stated float and int8 test accuracy`, () => {
    const stated = JSON.parse(readFileSync(`${dir}${name}.report.json`, 'utf8'));
    const measured = json('evaluate', `preset:${name}`, '--weights', `${dir}${name}.json`,
      '--train-subset', String(stated.train_images), '--test-subset', String(stated.test_images),
      '--calib', String(stated.calibration_images), '--json');
    assert.equal(measured.test_images, 2000);
    assert.equal(measured.float_test_accuracy_percent, stated.float_test_accuracy_percent);
    assert.equal(measured.int8_test_accuracy_percent, stated.int8_test_accuracy_percent);
  });
}

test('FashionTinyNet\'s shipped weights meet the bar: float ≥ 85%, int8 within one point', () => {
  const stated = JSON.parse(readFileSync(`${dir}FashionTinyNet.report.json`, 'utf8'));
  assert.ok(stated.float_test_accuracy_percent >= 85, `float ${stated.float_test_accuracy_percent}%`);
  assert.ok(Math.abs(stated.int8_drop_points) <= 1, `drop ${stated.int8_drop_points}`);
});

test('evaluate rejects weights that do not fit the network, naming the path', () => {
  const { status, stderr } = run('evaluate', 'preset:FashionMCUNet', '--weights', `${dir}FashionTinyNet.json`);
  assert.notEqual(status, 0);
  assert.match(stderr, /ops\./);
});
