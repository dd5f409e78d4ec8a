// TinyNAS through the wasm API: the same request gives exactly the native CLI's result;
// progress arrives as increments that add up to the search; returning false cancels; a
// bad request is a PlaygroundError naming the field.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { createPlayground, PlaygroundError } from '../../wasm/api.js';
import { cliJson } from './native_cli.mjs';

const LECTURE_TARGETS = { space: 'lecture', mcu: { name: 'custom', flash_kb: 256, sram_kb: 128, clock_mhz: 100 } };

let playground;
before(async () => {
  playground = await createPlayground();
});

test('a seeded lecture-space search equals the native CLI\'s, with or without progress', () => {
  const native = cliJson('nas', '--mcu', 'custom:256:128', '--space', 'lecture', '--trials', '400', '--seed', '7', '--json');
  const request = { ...LECTURE_TARGETS, trials: 400, seed: 7 };
  assert.deepStrictEqual(playground.nas(request), native);
  let calls = 0;
  assert.deepStrictEqual(playground.nas(request, () => { calls += 1; }), native);
  assert.ok(calls > 0);
  assert.ok(native.feasible_count > 0);
  assert.equal(native.trials, 400);
});

test('a seeded mcunet-space search equals the native CLI\'s', () => {
  const native = cliJson('nas', '--mcu', 'STM32F746', '--space', 'mcunet', '--space-samples', '3', '--trials', '200',
    '--seed', '11', '--estimator', 'inplace_depthwise', '--json');
  const result = playground.nas({ space: 'mcunet', mcu: 'STM32F746', space_samples: 3, trials: 200, seed: 11, estimator: 'inplace_depthwise' });
  assert.deepStrictEqual(result, native);
  // Another seed gives another search (the comparison above is not vacuous).
  assert.notDeepStrictEqual(playground.nas({ space: 'mcunet', mcu: 'STM32F746', space_samples: 3, trials: 200, seed: 12, estimator: 'inplace_depthwise' }).log, native.log);
});

test('progress increments add up to the search: every network once, the final ranking, the end', () => {
  const increments = [];
  const result = playground.nas({ ...LECTURE_TARGETS, trials: 1000, seed: 3, top: 5 }, (increment) => {
    increments.push(increment);
  });
  const total = result.space_optimisation_trials + result.trials;
  assert.equal(total, 1500);
  // Every 100 trials, then once at the end.
  assert.deepEqual(increments.map((increment) => increment.trials_done),
    [...Array.from({ length: 15 }, (_, index) => (index + 1) * 100), 1500]);
  assert.deepEqual(increments.map((increment) => increment.final), [...Array(15).fill(false), true]);
  assert.ok(increments.every((increment) => increment.trials_total === 1500));
  assert.equal(increments[0].phase, 'space_optimisation');
  assert.equal(increments.at(-1).phase, 'evolution');

  const points = increments.flatMap((increment) => increment.points);
  assert.equal(points.length, result.measured);
  assert.equal(increments.at(-1).measured, result.measured);
  assert.equal(points.filter(([, , , fits]) => fits === 1).length, result.feasible_count);
  // The points are the networks the result reports: the best is among them.
  const best = result.best;
  assert.ok(points.some(([flash, peak, macs]) => flash === best.flash_bytes && peak === best.peak_bytes && macs === best.macs));
  for (const [flash, peak, , fits] of points) {
    assert.equal(fits === 1, flash <= result.constraints.flash_limit_bytes && peak <= result.constraints.sram_limit_bytes);
  }
  // The last ranking sent is the result's top.
  const lastTop = increments.findLast((increment) => increment.top).top;
  assert.deepStrictEqual(lastTop, result.top);
  // A streamed candidate's numbers are analyze()'s on its spec.
  const first = increments[0].top[0];
  const report = playground.analyze(first.spec);
  assert.equal(report.macs, first.macs);
  assert.equal(report.params, first.params);
  assert.equal(report.peak_bytes.live, first.peak_bytes);
  assert.equal(report.deployable_flash.bytes, first.flash_bytes);
});

test('returning false from onProgress cancels: the partial result says so', () => {
  let calls = 0;
  const result = playground.nas({ ...LECTURE_TARGETS, trials: 5000, seed: 1 }, (increment) => {
    calls += 1;
    return increment.trials_done < 300;
  });
  assert.equal(calls, 3);
  assert.equal(result.cancelled, true);
  assert.equal(result.space_optimisation_trials + result.trials, 300);
  assert.ok(result.measured <= 300);
});

test('an exception in onProgress stops the search and is rethrown', () => {
  let calls = 0;
  const failure = new Error('the page went away');
  assert.throws(() => playground.nas({ ...LECTURE_TARGETS, trials: 5000 }, () => {
    calls += 1;
    throw failure;
  }), (thrown) => thrown === failure);
  assert.equal(calls, 1);
  // The module is still usable afterwards.
  assert.equal(playground.nas({ ...LECTURE_TARGETS, trials: 50 }).trials, 50);
});

test('a bad request is a PlaygroundError naming the field', () => {
  const errorOf = (request) => {
    try {
      playground.nas(request, () => {});
    } catch (error) {
      assert.ok(error instanceof PlaygroundError, `${error}`);
      return `${error.path}: ${error.reason}`;
    }
    assert.fail(`no error for ${JSON.stringify(request)}`);
  };
  assert.match(errorOf({ ...LECTURE_TARGETS, trials: -1 }), /^request\.trials: /);
  assert.match(errorOf({ ...LECTURE_TARGETS, trails: 10 }), /^request\.trails: /);
  assert.match(errorOf({ ...LECTURE_TARGETS, estimator: 'guess' }), /^request\.estimator: unknown peak estimator "guess"/);
  assert.match(errorOf({ ...LECTURE_TARGETS, space: 'huge' }), /^request\.space: /);
  assert.match(errorOf({ space: 'lecture' }), /^request\.mcu: is required/);
  assert.match(errorOf('{"space": '), /^: /);
});
