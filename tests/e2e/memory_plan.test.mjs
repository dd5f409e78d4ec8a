// The page's peak-SRAM views (issue 4) against the native CLI, an independent build of
// the same core: the six estimators, the arena diagram (one rectangle per planned
// buffer, at its offset and lifetime, with a tooltip), and the patch-based schedule
// picker, whose choice must give the CLI's `--patch SPLIT:GRID` figures and survive a
// reload.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatSmallBytes } from '../../web/model/estimators.js';
import { formatCount, formatKB } from '../../web/model/format.js';
import { ARTIFACTS, openPage, useBrowser, waitReady } from './browser.mjs';

const CLI = fileURLToPath(new URL('../../build/native/tools/tinyml', import.meta.url));
const ESTIMATOR_KEYS = ['lecture_in_out', 'lecture_consecutive', 'live', 'inplace_depthwise', 'arena', 'patch'];

// The CLI's report for a preset: analyze preset:NAME --json [--mcu MCU] [--patch S:G].
function cliReport(preset, { mcu, patch } = {}) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run scripts/build.sh native first`);
  const args = ['analyze', `preset:${preset}`, '--json'];
  if (mcu) args.push('--mcu', mcu);
  if (patch) args.push('--patch', patch);
  return JSON.parse(execFileSync(CLI, args, { encoding: 'utf8' }));
}

const session = useBrowser();

function shownEstimators(page) {
  return page.$$eval('[data-estimator]', (rows) => rows.map((row) => ({
    key: row.dataset.estimator,
    bytes: Number(row.dataset.bytes),
    value: row.querySelector('.estimator-value').textContent,
    counts: row.querySelector('.estimator-counts').textContent,
  })));
}

for (const [preset, mcu] of [['MCUNet', 'STM32F746'], ['MobileNetV2', 'STM32F746']]) {
  test(`the six estimators shown for ${preset} are the CLI's`, async () => {
    const expected = cliReport(preset, { mcu });
    const page = await openPage(session.browser, `${session.url}#preset=${preset}&mcu=${mcu}&precision=int8`);
    const shown = await shownEstimators(page);
    assert.deepEqual(shown.map(({ key }) => key), ESTIMATOR_KEYS);
    for (const { key, bytes, value } of shown) {
      assert.equal(bytes, expected.peak_bytes[key], key);
      assert.ok(value.startsWith(formatKB(expected.peak_bytes[key])), `${key}: ${value}`);
      assert.ok(value.includes(`at ${expected.peak_at[key]}`), `${key}: ${value}`);
    }
    // The arena's sentence gives arena − live and its two parts.
    const arena = shown.find(({ key }) => key === 'arena').counts;
    const { plan } = expected;
    assert.ok(arena.includes(`arena − live = ${formatSmallBytes(plan.arena_bytes - plan.live_bytes)}`), arena);
    assert.ok(arena.includes(`${formatSmallBytes(plan.fragmentation_bytes)} of fragmentation`), arena);
    assert.ok(expected.peak_bytes.arena >= expected.peak_bytes.live);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('the arena diagram draws every planned buffer at its lifetime and offset, and hover names it', async () => {
  const expected = cliReport('MobileNetV2', { mcu: 'STM32F746' });
  const buffers = expected.plan.buffers;
  const page = await openPage(session.browser, `${session.url}#preset=MobileNetV2&mcu=STM32F746&precision=int8`);
  const rects = await page.$$eval('#arena-diagram rect.buffer', (nodes) => nodes.map((node) => ({
    index: Number(node.dataset.index),
    name: node.dataset.name,
    x: Number(node.getAttribute('x')),
    y: Number(node.getAttribute('y')),
    width: Number(node.getAttribute('width')),
    height: Number(node.getAttribute('height')),
  })));
  assert.equal(rects.length, buffers.length);

  // x is linear in the op index, y in the byte offset (SVG y grows downwards).
  const column = rects[0].width / (buffers[0].last_op - buffers[0].first_op + 1);
  const x0 = rects[0].x - buffers[0].first_op * column;
  const tallest = buffers.reduce((best, buffer, i) => (buffer.aligned_bytes > buffers[best].aligned_bytes ? i : best), 0);
  const perByte = rects[tallest].height / buffers[tallest].aligned_bytes;
  const bottom = rects[tallest].y + rects[tallest].height + buffers[tallest].offset * perByte;
  const close = (a, b) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b));
  rects.forEach((rect, i) => {
    const buffer = buffers[i];
    assert.equal(rect.name, buffer.name);
    assert.ok(close(rect.x, x0 + buffer.first_op * column), `${buffer.name} x`);
    assert.ok(close(rect.width, (buffer.last_op - buffer.first_op + 1) * column), `${buffer.name} width`);
    assert.ok(close(rect.y, bottom - (buffer.offset + buffer.aligned_bytes) * perByte), `${buffer.name} y`);
    assert.ok(close(rect.height, Math.max(buffer.aligned_bytes * perByte, 0.75)), `${buffer.name} height`);
  });
  // The arena line sits on top of the highest buffer.
  const arenaY = Number(await page.getAttribute('[data-line="arena"] line', 'y1'));
  assert.ok(close(arenaY, bottom - expected.plan.arena_bytes * perByte));
  assert.ok(close(arenaY, Math.min(...rects.map((rect) => rect.y))));

  const longLived = buffers.findIndex((buffer, i) => i !== tallest && buffer.first_op !== buffer.last_op && buffer.aligned_bytes * perByte > 6);
  assert.ok(longLived >= 0);
  for (const index of [tallest, longLived]) {
    const buffer = buffers[index];
    await page.hover(`#arena-diagram rect.buffer[data-index="${index}"]`);
    const tooltip = await page.textContent('.arena-tooltip');
    assert.ok(tooltip.startsWith(buffer.name), tooltip);
    assert.ok(tooltip.includes(`${formatKB(buffer.bytes)} (${formatCount(buffer.bytes)} bytes`), tooltip);
    assert.ok(tooltip.includes(`ops ${buffer.first_op}–${buffer.last_op}`), tooltip);
  }
  await page.locator('#arena-diagram').screenshot({ path: `${ARTIFACTS}arena-mobilenetv2.png` });
  await page.mouse.move(0, 0);
  assert.equal(await page.isVisible('.arena-tooltip'), false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

async function patchShown(page) {
  return {
    split: await page.inputValue('#patch-split'),
    grid: await page.inputValue('#patch-grid'),
    bytes: Number(await page.getAttribute('[data-estimator="patch"]', 'data-bytes')),
    extraMacs: await page.textContent('[data-figure="extra-macs"] .value'),
    peak: await page.textContent('[data-figure="peak"] .value'),
  };
}

test('choosing a split and a grid shows the CLI\'s --patch figures, and a reload keeps the choice', async () => {
  const auto = cliReport('MobileNetV2');
  // A split the search did not choose, on a grid it did not choose either.
  const split = auto.patch.valid_splits.find((entry) => entry.split_op !== auto.patch.split_op && entry.max_grid >= 5);
  const grid = auto.patch.grid === 5 ? 3 : 5;
  const expected = cliReport('MobileNetV2', { patch: `${split.split_op}:${grid}` });
  assert.notEqual(expected.peak_bytes.patch, auto.peak_bytes.patch);

  const page = await openPage(session.browser, `${session.url}#preset=MobileNetV2&mcu=STM32F746&precision=int8`);
  assert.equal((await patchShown(page)).bytes, auto.peak_bytes.patch);
  assert.equal(await page.inputValue('#patch-split'), 'auto');
  assert.equal(await page.isDisabled('#patch-grid'), true);

  await page.selectOption('#patch-split', String(split.split_op));
  assert.equal(await page.isDisabled('#patch-grid'), false);
  await page.selectOption('#patch-grid', String(grid));
  await page.waitForFunction((bytes) => document.querySelector('[data-estimator="patch"]').dataset.bytes === String(bytes), expected.peak_bytes.patch);
  const chosen = await patchShown(page);
  assert.deepEqual(chosen, {
    split: String(split.split_op),
    grid: String(grid),
    bytes: expected.peak_bytes.patch,
    extraMacs: formatCount(expected.patch.extra_macs),
    peak: formatKB(expected.patch.peak_bytes),
  });
  assert.match(page.url(), new RegExp(`patch=${split.split_op}%3A${grid}`));
  await page.locator('#patch-figures').screenshot({ path: `${ARTIFACTS}patch-chosen.png` });

  await page.reload();
  await waitReady(page);
  assert.deepEqual(await patchShown(page), chosen);

  // A fresh tab (no hash) restores it from localStorage too.
  const fresh = await page.context().newPage();
  await fresh.goto(session.url);
  await waitReady(fresh);
  assert.deepEqual(await patchShown(fresh), chosen);
  await fresh.close();

  await page.selectOption('#patch-split', 'auto');
  await page.waitForFunction((bytes) => document.querySelector('[data-estimator="patch"]').dataset.bytes === String(bytes), auto.peak_bytes.patch);
  assert.doesNotMatch(page.url(), /patch=/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the trade-off points are listed under the curve, and showing one picks that schedule', async () => {
  const auto = cliReport('MCUNet');
  const page = await openPage(session.browser, `${session.url}#preset=MCUNet&mcu=STM32F746&precision=int8`);
  await page.click('#patch-points summary');
  const rows = await page.$$eval('#patch-points tbody tr', (nodes) => nodes.map((row) => row.dataset.choice));
  assert.deepEqual(rows, auto.patch.tradeoff.map((point) => `${point.split_op}:${point.grid}`));
  // The last point: the most extra MACs for the lowest peak, not the search's choice.
  const last = auto.patch.tradeoff.at(-1);
  assert.ok(last.extra_macs_ratio > auto.patch.max_extra_macs_ratio);
  await page.click(`#patch-points tr[data-choice="${last.split_op}:${last.grid}"] button`);
  await page.waitForFunction((bytes) => document.querySelector('[data-estimator="patch"]').dataset.bytes === String(bytes), last.peak_bytes);
  assert.equal(await page.inputValue('#patch-split'), String(last.split_op));
  assert.equal(await page.inputValue('#patch-grid'), String(last.grid));
  assert.equal(await page.textContent('[data-figure="extra-macs"] .value'), formatCount(last.extra_macs));
  assert.equal(await page.textContent(`#patch-points tr[data-choice="${last.split_op}:${last.grid}"] td:last-child`), 'shown');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a linked patch schedule the network does not allow falls back to auto with a note', async () => {
  const auto = cliReport('TinyNet');
  const page = await openPage(session.browser, `${session.url}#preset=TinyNet&mcu=STM32F4&precision=int8&patch=5:2`);
  assert.equal(await page.isVisible('.patch-problem'), true);
  assert.match(await page.textContent('.patch-problem'), /options\.patch\.split_op/);
  assert.equal(Number(await page.getAttribute('[data-estimator="patch"]', 'data-bytes')), auto.peak_bytes.patch);
  // The network itself is fine: no error in the editor's status, results not stale.
  assert.equal(await page.isVisible('#stale-banner'), false);
  assert.equal(await page.isVisible('[data-testid="error-message"]'), false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
