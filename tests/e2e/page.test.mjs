// The page in headless Chromium, served over http: the lecture's TinyNet numbers, the
// verdict per MCU, live re-analysis, errors that keep the last analysis, autosave.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARTIFACTS, editorText, layerRows, openPage, replaceInEditor, useBrowser, verdict, waitReady } from './browser.mjs';

const session = useBrowser();

// [input KB, output KB, weights KB] of every conv2d row.
async function convMemory(page) {
  return (await layerRows(page)).filter((cells) => cells[1] === 'conv2d').map((cells) => cells.slice(4, 7));
}

test('the page loads with TinyNet and shows the lecture\'s layer-by-layer numbers', async () => {
  const page = await openPage(session.browser, session.url);
  assert.equal(await page.inputValue('#preset-select'), 'TinyNet');
  assert.deepEqual(await convMemory(page), [
    ['48.00', '256.00', '0.42'],
    ['256.00', '128.00', '4.50'],
    ['128.00', '64.00', '18.00'],
    ['64.00', '32.00', '72.00'],
  ]);
  assert.match(await page.textContent('[data-estimator="lecture_in_out"] .estimator-value'), /^384\.00 KB/);
  assert.match(await page.textContent('[data-estimator="lecture_consecutive"] .estimator-value'), /^384\.00 KB/);
  // Every chart on screen has drawn (the NAS charts stay hidden until a search runs).
  const shown = await page.$$eval('canvas', (canvases) => canvases.filter((canvas) => canvas.offsetParent !== null).map((canvas) => canvas.width));
  assert.ok(shown.length >= 4, `${shown.length} charts shown`);
  assert.ok(shown.every((width) => width > 0), `chart widths ${shown}`);
  await page.screenshot({ path: `${ARTIFACTS}page-tinynet.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('switching the MCU flips the verdict', async () => {
  const page = await openPage(session.browser, session.url);
  await page.selectOption('#mcu-select', 'STM32F4');
  assert.equal(await verdict(page), 'DOES NOT FIT');
  assert.match(await page.textContent('.verdict-margins'), /exceeds SRAM by 256\.00 KB/);
  await page.selectOption('#mcu-select', 'ESP32');
  assert.equal(await verdict(page), 'FITS');
  assert.match(page.url(), /mcu=ESP32/);

  await page.selectOption('#mcu-select', 'custom');
  await page.fill('#custom-sram_kb', '400');
  await page.waitForFunction(() => document.querySelector('.verdict-mcu')?.textContent === 'custom');
  assert.equal(await verdict(page), 'FITS');
  await page.fill('#custom-sram_kb', '300');
  await page.waitForFunction(() => document.querySelector('[data-testid="verdict"] strong')?.textContent === 'DOES NOT FIT');
  await page.context().close();
});

test('fp32 counts four bytes an element', async () => {
  const page = await openPage(session.browser, session.url);
  await page.click('.segmented button[value="fp32"]');
  assert.match(await page.textContent('[data-estimator="lecture_in_out"] .estimator-value'), /^1,536\.00 KB/);
  assert.deepEqual((await convMemory(page))[0], ['192.00', '1,024.00', '1.69']);
  await page.context().close();
});

test('editing a channel count re-analyses as the user types', async () => {
  const page = await openPage(session.browser, session.url);
  await replaceInEditor(page, '"out": 16', '16', '8');
  // conv1 now writes 8×128×128 = 128 KB, and conv2 reads it.
  await page.waitForFunction(() => document.querySelector('#layer-table tbody tr td:nth-child(6)')?.textContent === '128.00');
  const [conv1, conv2] = await convMemory(page);
  assert.deepEqual(conv1, ['48.00', '128.00', '0.21']);
  assert.equal(conv2[0], '128.00');
  assert.match(await page.textContent('.preset-description'), /edited/);
  await page.context().close();
});

test('a typo shows the error with its path and keeps the last analysis', async () => {
  const page = await openPage(session.browser, session.url);
  await replaceInEditor(page, '"out": 32', 'kernel', 'kernl');
  const message = page.locator('[data-testid="error-message"]');
  await message.waitFor();
  assert.match(await message.textContent(), /^layers\[1\]\.kernl: /);
  assert.equal(await page.isVisible('#stale-banner'), true);
  assert.equal(await page.$eval('#results', (node) => node.classList.contains('stale')), true);
  // The error's line (the second layer, line 6) is highlighted in the editor.
  assert.match(await page.textContent('.cm-error-line'), /"kernl": 3/);
  assert.match(await page.textContent('.status-title'), /line 6/);
  // The last valid TinyNet analysis is still there.
  assert.deepEqual((await convMemory(page))[1], ['256.00', '128.00', '4.50']);

  await replaceInEditor(page, '"kernl"', 'kernl', 'kernel');
  await page.waitForSelector('#stale-banner', { state: 'hidden' });
  assert.equal(await page.isVisible('[data-testid="error-message"]'), false);
  await page.screenshot({ path: `${ARTIFACTS}page-fixed.png` });
  await page.context().close();
});

test('a syntax error points at its line and column', async () => {
  const page = await openPage(session.browser, session.url);
  await replaceInEditor(page, '"input"', '[3, 128, 128],', '[3, 128, 128]');
  // Typing is key by key: under load an analysis can run on a half-typed line first and
  // show that state's error for a moment, so wait for the final one (a timeout fails).
  const message = page.locator('[data-testid="error-message"]', { hasText: /invalid JSON at line 4/ });
  await message.waitFor({ timeout: 10000 });
  assert.equal(await page.isVisible('#stale-banner'), true);
  await page.context().close();
});

test('a reload keeps the edited network, even an invalid one', async () => {
  const page = await openPage(session.browser, session.url);
  await replaceInEditor(page, '"out": 64', '64', '48');
  await page.waitForFunction(() => document.querySelector('.preset-description .edited'));
  await page.selectOption('#mcu-select', 'nRF52840');
  await page.reload();
  await waitReady(page);
  assert.match(await editorText(page), /"out": 48/);
  assert.equal(await page.inputValue('#mcu-select'), 'nRF52840');
  assert.deepEqual((await convMemory(page))[2], ['128.00', '48.00', '13.50']);

  await replaceInEditor(page, '"out": 48', '"out"', '"ou"');
  await page.locator('[data-testid="error-message"]').waitFor();
  await page.reload();
  await waitReady(page);
  assert.match(await editorText(page), /"ou": 48/);
  assert.match(await page.textContent('[data-testid="error-message"]'), /layers\[2\]/);
  // With no valid version since the reload, the preset's analysis stands in, marked stale.
  assert.equal(await page.isVisible('#stale-banner'), true);
  assert.equal((await convMemory(page)).length, 4);
  await page.context().close();
});
