// The NAS panel's model code in Node (no browser): the Pareto front kept as points
// arrive equals its definition, the CDF curves, the request the panel sends, the texts;
// and opening a candidate keeps the user's own edited network.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byFlash, choicesText, cdfCurves, failureText, NasRun, nasRequest, paretoFront } from '../../web/model/nas_run.js';
import { AppState } from '../../web/state.js';

// A deterministic stream of points [flash, peak, macs, fits].
function points(count, seed) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
  return Array.from({ length: count }, () => {
    const flash = 1000 + (next() % 500);
    const peak = 1000 + (next() % 500);
    const macs = 1 + (next() % 300);
    return [flash, peak, macs, flash < 1400 && peak < 1400 ? 1 : 0];
  });
}

test('the front kept as points arrive is the Pareto front of the fitting points', () => {
  for (const seed of [1, 2, 3]) {
    const run = new NasRun();
    const stream = points(2000, seed);
    for (let start = 0; start < stream.length; start += 100) {
      run.addProgress({ phase: 'evolution', trials_done: start + 100, trials_total: 2000, measured: start + 100, feasible: 0, final: false, points: stream.slice(start, start + 100) });
    }
    const expected = paretoFront(run.points);
    const kept = [...run.front].sort(byFlash);
    assert.deepEqual(kept, expected);
    assert.ok(expected.length > 3 && expected.length < 200, `${expected.length} on the front`);
    // Nothing fitting beats a front point in all three.
    for (const point of expected) {
      assert.ok(!run.points.some((other) => other.fits && other !== point && other.flash <= point.flash && other.peak <= point.peak && other.macs > point.macs));
    }
    assert.equal(run.macsLow, Math.min(...run.points.map((point) => point.macs)));
    const { points: drawn, stride } = run.sample(300);
    assert.equal(stride, 7);
    assert.equal(drawn.length, Math.ceil(2000 / 7));
  }
});

test('CDF curves: the empirical CDF from 0, thinned quantiles as sent, pairs without fits left out', () => {
  const curves = cdfCurves([
    { width: 8, resolution: 128, sampled: 10, fitting: 3, macs_cdf: [10, 20, 30], chosen: false },
    { width: 12, resolution: 128, sampled: 10, fitting: 0, macs_cdf: [], chosen: false },
    { width: 16, resolution: 128, sampled: 500, fitting: 300, macs_cdf: [5, 6, 7], chosen: true },
  ]);
  assert.equal(curves.length, 2);
  assert.deepEqual(curves[0].points.map((point) => point.y), [0, 1 / 3, 2 / 3, 1]);
  assert.deepEqual(curves[1].points.map((point) => point.y), [0, 0, 0.5, 1]);
  assert.equal(curves[1].chosen, true);
  assert.equal(curves[1].label, 'width 16, 128×128');
});

test('the request carries the page MCU and the settings; an empty field goes as null', () => {
  const request = nasRequest({ space: 'mcunet', estimator: 'arena', trials: 500, samples: Number.NaN, seed: 3, sramReserveKB: 1.5, flashReserveKB: 0 },
    { name: 'custom', flash_kb: 256, sram_kb: 128, clock_mhz: 100 });
  assert.deepEqual(request, {
    space: 'mcunet', mcu: { name: 'custom', flash_kb: 256, sram_kb: 128, clock_mhz: 100 }, estimator: 'arena',
    trials: 500, space_samples: null, seed: 3, sram_reserve_bytes: 1536, flash_reserve_bytes: 0, top: 10,
  });
  assert.equal(choicesText({ width: 20, resolution: 128, expand: [1, 3, 4], depth: [1, null, 3] }), 'width 20 · res 128 · expand 1,3,4 · depth 1,–,3');
  assert.equal(failureText({ constraint: 'sram', need_bytes: 143360, limit_bytes: 131072, over_bytes: 12288 }),
    'SRAM: needs 140.00 KB, limit 128.00 KB, over by 12.00 KB');
});

function memoryStorage() {
  const items = new Map();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => items.set(key, value) };
}

test('opening a candidate keeps the user\'s edited network, survives a reload, and asks before dropping edits to it', () => {
  const storage = memoryStorage();
  const state = new AppState({ storage });
  state.setCatalog([['TinyNet', 'tiny'], ['MCUNet', 'mcu']], ['STM32F4']);
  state.editText('my own network');
  assert.equal(state.openNetwork('NAS candidate', 'found', 'by NAS'), true);
  assert.equal(state.preset, 'NAS candidate');
  assert.equal(state.text, 'found');
  assert.deepEqual(state.openedEntries, [{ name: 'NAS candidate', description: 'by NAS' }]);
  state.choosePreset('TinyNet');
  assert.equal(state.text, 'my own network');

  // Edits to the opened network: replacing them needs a yes.
  state.choosePreset('NAS candidate');
  state.editText('found, edited');
  assert.equal(state.openNetwork('NAS candidate', 'another', '', () => false), false);
  assert.equal(state.text, 'found, edited');
  assert.equal(state.openNetwork('NAS candidate', 'another', '', () => true), true);
  assert.equal(state.text, 'another');

  const reloaded = new AppState({ storage });
  reloaded.setCatalog([['TinyNet', 'tiny'], ['MCUNet', 'mcu']], ['STM32F4']);
  assert.equal(reloaded.preset, 'NAS candidate');
  assert.equal(reloaded.text, 'another');
  reloaded.choosePreset('TinyNet');
  assert.equal(reloaded.text, 'my own network');
});
