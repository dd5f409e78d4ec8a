// dist/index.html opened from disk, as a student double-clicking it would: no server,
// and no --allow-file-access-from-files (which would hide what users hit). Module
// scripts and separate .wasm fetches are blocked on file://, so this proves the bundle
// is one classic script with the wasm inlined.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { FILE_URL, launchChromium, layerRows, openPage, verdict } from './browser.mjs';

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test('dist/index.html works from file:// with no server', async () => {
  const page = await openPage(browser, FILE_URL);
  assert.match(await page.textContent('[data-estimator="lecture_in_out"] .estimator-value'), /^384\.00 KB/);
  assert.equal((await layerRows(page)).length, 6);
  assert.equal(await verdict(page), 'DOES NOT FIT');
  await page.selectOption('#preset-select', 'MCUNet');
  await page.waitForFunction(() => document.querySelector('.status.ok')?.textContent.startsWith('MCUNet'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
