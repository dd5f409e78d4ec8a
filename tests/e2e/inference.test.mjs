// The inference panel in headless Chromium: the int8 output the page shows equals the
// native CLI's for the same preset, seed and pattern; an uploaded image runs; a broken
// image is an error that loses nothing; a dropped image runs; the MCU estimate follows
// the MCU; the page answers while a big network quantizes; the worker starts from file://.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cliJson } from '../wasm/native_cli.mjs';
import { ARTIFACTS, editorText, FILE_URL, openPage, replaceInEditor, useBrowser } from './browser.mjs';
import { encodePng } from './png.mjs';

const session = useBrowser();
const dir = mkdtempSync(join(tmpdir(), 'tinyml-e2e-infer-'));

const RUN_TIMEOUT = 120000;

// Clicks Run and waits until the panel is idle again; returns the status text.
async function runInference(page) {
  const before = await page.$eval('#inference', (panel) => panel.querySelector('[data-testid="int8-output"]')?.textContent ?? null);
  await page.click('#inference-run');
  await page.waitForFunction((previous) => {
    const status = document.querySelector('#inference-status');
    const output = document.querySelector('[data-testid="int8-output"]')?.textContent ?? null;
    return !document.querySelector('#inference-run').disabled && (status.classList.contains('error') || output !== previous || status.textContent === '');
  }, before, { timeout: RUN_TIMEOUT });
  return page.textContent('#inference-status');
}

const shownInt8 = (page) => page.textContent('[data-testid="int8-output"]').then((text) => text.trim().split(' ').map(Number));

test('the int8 output shown for MCUNet on a pattern equals the native CLI\'s', { timeout: RUN_TIMEOUT }, async () => {
  const page = await openPage(session.browser, `${session.url}#preset=MCUNet&mcu=STM32F746&precision=int8`);
  await page.selectOption('#inference-input', 'rings');
  await page.fill('#inference-seed', '3');
  assert.equal(await runInference(page), '');

  const file = join(dir, 'mcunet.json');
  cliJson('quantize', 'preset:MCUNet', '--seed', '1', '--calib', '16', '-o', file, '--json');
  const native = cliJson('infer', file, '--pattern', 'rings', '--seed', '3', '--json');
  assert.deepEqual(await shownInt8(page), native.output.int8);
  // The class table's int8 column holds the same bytes, by class.
  const rows = await page.$$eval('.scores-table tbody tr', (trs) => trs.map((tr) => [tr.cells[0].textContent, Number(tr.cells[3].textContent)]));
  assert.ok(rows.length > 0);
  for (const [label, q] of rows) assert.equal(q, native.output.int8[Number(label.replace('class ', ''))]);
  assert.match(await page.textContent('[data-testid="agreement"]'), /argmax (agrees|differs)/);
  assert.match(await page.textContent('[data-testid="browser-time"]'), /int8 [\d.]+ ms, float [\d.]+ ms per inference, median of \d+ runs/);
  assert.ok((await page.$$('#inference-layers tbody tr')).length > 10);
  await page.screenshot({ path: `${ARTIFACTS}inference-mcunet.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an uploaded image runs; a broken one is an error that keeps the results and the network', { timeout: RUN_TIMEOUT }, async () => {
  const page = await openPage(session.browser, `${session.url}#preset=TinyNet&mcu=STM32F4&precision=int8`);
  const png = encodePng(48, 40, (x, y) => [x * 5, y * 6, (x + y) % 2 ? 255 : 0]);
  await page.setInputFiles('#inference-file', { name: 'stripes.png', mimeType: 'image/png', buffer: png });
  await page.waitForFunction(() => document.querySelector('.inference-summary')?.textContent.includes('stripes.png'), null, { timeout: RUN_TIMEOUT });
  assert.equal(await page.inputValue('#inference-input'), 'image');
  const shown = await shownInt8(page);
  assert.equal(shown.length, 10);
  assert.ok(shown.every((q) => Number.isInteger(q) && q >= -128 && q <= 127));
  // The preview shows the image as the network gets it: 128×128, red growing left to right.
  const preview = await page.$eval('canvas.input-preview', (canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    return { width: canvas.width, height: canvas.height, leftRed: data[0], rightRed: data[(canvas.width - 1) * 4] };
  });
  assert.deepEqual([preview.width, preview.height], [128, 128]);
  assert.ok(preview.rightRed > preview.leftRed + 100, JSON.stringify(preview));

  const network = await editorText(page);
  await page.setInputFiles('#inference-file', { name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not a png at all') });
  await page.waitForFunction(() => document.querySelector('#inference-status').classList.contains('error'), null, { timeout: RUN_TIMEOUT });
  assert.match(await page.textContent('#inference-status'), /broken\.png: not an image this browser can read/);
  assert.deepEqual(await shownInt8(page), shown, 'the last results stay on screen');
  assert.match(await page.textContent('.inference-summary'), /stripes\.png/);
  assert.equal(await editorText(page), network);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the MCU estimate changes with the MCU and states its assumptions', async () => {
  const page = await openPage(session.browser, `${session.url}#preset=TinyNet&mcu=STM32F4&precision=int8`);
  const f4 = await page.textContent('[data-testid="latency-headline"]');
  assert.match(f4, /on STM32F4 = 63\.70 M MACs × [\d.]+ cycles\/MAC \(Cortex-M4F\) ÷ 180 MHz/);
  await page.selectOption('#mcu-select', 'STM32H7');
  await page.waitForFunction((previous) => document.querySelector('[data-testid="latency-headline"]').textContent !== previous, f4);
  const h7 = await page.textContent('[data-testid="latency-headline"]');
  assert.match(h7, /on STM32H7 = .*Cortex-M7.*480 MHz/);
  const ms = (text) => Number(text.match(/≈ ([\d.]+) ms/)[1]);
  assert.ok(ms(h7) < ms(f4), `${h7} should be faster than ${f4}`);
  assert.match(await page.textContent('[data-testid="latency"]'), /An estimate, not a measurement.*Source: /s);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('inference runs from file:// (the worker starts from a Blob URL)', { timeout: RUN_TIMEOUT }, async () => {
  const page = await openPage(session.browser, `${FILE_URL}#preset=MCUNet&mcu=STM32F746&precision=int8`);
  await page.selectOption('#inference-input', 'checkerboard');
  assert.equal(await runInference(page), '');
  assert.ok((await shownInt8(page)).length > 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('while MobileNetV2 at 224 quantizes in the worker, the page still answers', { timeout: RUN_TIMEOUT }, async () => {
  const page = await openPage(session.browser, `${session.url}#preset=MobileNetV2&mcu=STM32F4&precision=int8`);
  await page.click('#inference-run');
  await page.waitForFunction(() => document.querySelector('#inference-status').textContent.startsWith('Quantizing'));
  const before = await page.textContent('[data-testid="latency-headline"]');
  const started = Date.now();
  await page.selectOption('#mcu-select', 'STM32H7');
  await page.waitForFunction((previous) => document.querySelector('[data-testid="latency-headline"]').textContent !== previous, before, { timeout: 5000 });
  const answeredMs = Date.now() - started;
  // Still busy: the page answered during the long work, not after it.
  assert.equal(await page.$eval('#inference-run', (button) => button.disabled), true, `answered after ${answeredMs} ms`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an image dropped on the panel runs; a network with an error is reported in the panel', { timeout: RUN_TIMEOUT }, async () => {
  const page = await openPage(session.browser, `${session.url}#preset=MCUNet&mcu=STM32F746&precision=int8`);
  const png = [...encodePng(20, 20, (x) => [0, 0, x * 12])];
  await page.evaluate((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], 'dropped.png', { type: 'image/png' }));
    document.querySelector('#inference').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, png);
  await page.waitForFunction(() => document.querySelector('.inference-summary')?.textContent.includes('dropped.png'), null, { timeout: RUN_TIMEOUT });
  const shown = await shownInt8(page);

  // Break the network: Run reports the core's error in the panel, the results stay.
  await replaceInEditor(page, '"out": 160', '160', '0');
  await page.selectOption('#inference-input', 'noise');
  assert.match(await runInference(page), /layers\[7\]\.out: must be 1 or more, got 0/);
  assert.deepEqual(await shownInt8(page), shown);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
