// tinyml nas --objective accuracy: the top candidates by MACs trained on Fashion-MNIST
// (Debian's files), ranked by measured accuracy, the time estimate printed before
// training, and each candidate's accuracy equal to `tinyml train` on its spec alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { json, run } from './run_cli.mjs';

// A tight custom MCU keeps the candidates small, so the run takes a few seconds.
const SEARCH = ['nas', '--space', 'fashion', '--sram-kb', '6', '--flash-kb', '20', '--trials', '200', '--space-samples', '20',
  '--objective', 'accuracy', '--candidates', '2', '--epochs', '1', '--train-images', '300', '--test-images', '200'];

test('nas --objective accuracy ranks the trained candidates by measured accuracy, each as tinyml train measures it', () => {
  const { status, stdout, stderr } = run(...SEARCH, '--json');
  assert.equal(status, 0, stderr);
  const result = JSON.parse(stdout);
  assert.equal(result.objective, 'accuracy');
  assert.equal(result.top.length, 2);
  assert.equal(result.mac_top[0].accuracy, undefined);
  assert.deepEqual(result.top.map((c) => c.accuracy.mac_rank).sort(), [1, 2]);
  assert.ok(result.top[0].accuracy.float_percent >= result.top[1].accuracy.float_percent, 'best first');
  assert.deepEqual(result.best, result.top[0]);
  const { accuracy } = result;
  assert.equal(accuracy.trained, 2);
  assert.equal(accuracy.train_image_passes, 2 * 300);
  assert.equal(accuracy.test_image_passes, 2 * 200);
  assert.ok(accuracy.estimate_s > 0 && accuracy.elapsed_s > 0);
  // The estimate is printed before the first candidate is trained.
  const estimateAt = stderr.indexOf('estimated');
  assert.ok(estimateAt >= 0 && estimateAt < stderr.indexOf('trained 1 of 2'), stderr);

  const dir = mkdtempSync(join(tmpdir(), 'tinyml-nas-accuracy-'));
  for (const candidate of result.top) {
    const file = join(dir, `rank${candidate.accuracy.mac_rank}.json`);
    writeFileSync(file, JSON.stringify(candidate.spec));
    const alone = json('train', file, '--epochs', '1', '--train-subset', '300', '--test-subset', '200', '--seed', '1', '--json');
    assert.equal(alone.float_test_accuracy_percent, candidate.accuracy.float_percent);
    assert.equal(alone.int8_test_accuracy_percent, candidate.accuracy.int8_percent);
    assert.equal(candidate.accuracy.drop_points, candidate.accuracy.float_percent - candidate.accuracy.int8_percent);
  }
});

test('nas --objective accuracy prints the ranked table with the estimate next to the time taken', () => {
  const { status, stdout, stderr } = run(...SEARCH, '--rank-by', 'int8');
  assert.equal(status, 0, stderr);
  assert.match(stdout, /ranked by measured int8 test accuracy \(2 candidates, 1 epoch\(s\) on 300 training images, 200 test images/);
  assert.match(stdout, /training phase: estimated \d+\.\d s before it started, took \d+\.\d s/);
  assert.equal(stdout.split('\n').filter((line) => /^ +[12] +\d+\.\d\d% +\d+\.\d\d%/.test(line)).length, 2, stdout);
});

test('nas --objective accuracy refuses a space the data does not fit, naming the field', () => {
  const { status, stderr } = run('nas', '--space', 'lecture', '--mcu', 'STM32F746', '--objective', 'accuracy');
  assert.notEqual(status, 0);
  assert.match(stderr, /request\.objective: "accuracy" trains on Fashion-MNIST .* the lecture space's networks take 3×128×128 input/);
  const bad = run('nas', '--space', 'fashion', '--mcu', 'STM32F746', '--objective', 'accuracy', '--candidates', '30');
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /request\.accuracy\.candidates/);
});
