// Fashion-MNIST in the page (issue 6), in headless Chromium: a test image picked in the
// inference panel gives the native CLI's int8 output for the shipped weights, with class
// names; a drawing runs; training shows progress and curves and can be cancelled; a
// finished run is kept across a reload and used by the inference panel; a network that
// does not take the data gets a clear message.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { test } from 'node:test';

import { cliJson } from '../wasm/native_cli.mjs';
import { FILE_URL, openPage, useBrowser, waitReady } from './browser.mjs';

const FASHION_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
const weights = fileURLToPath(new URL('../../web/data/weights/FashionTinyNet.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tinyml-e2e-dataset-'));
const TIMEOUT = 180000;
const session = useBrowser();

const shownInt8 = (page) => page.textContent('[data-testid="int8-output"]').then((text) => text.trim().split(' ').map(Number));

async function waitForResult(page, text) {
  await page.waitForFunction((wanted) => document.querySelector('.inference-summary')?.textContent.includes(wanted) &&
    !document.querySelector('#inference-run').disabled, text, { timeout: TIMEOUT });
}

test('a picked test image gives the native CLI\'s int8 output for the shipped weights, with class names', { timeout: TIMEOUT }, async () => {
  const page = await openPage(session.browser, `${session.url}#preset=FashionTinyNet`);
  assert.match(await page.textContent('[data-testid="weights-note"]'), /shipped with the preset.*86\.70%.*86\.80%/s);
  await page.selectOption('#inference-input', 'test-image');
  await waitForResult(page, 'test image #0');
  await page.fill('#dataset-index', '17');
  await page.dispatchEvent('#dataset-index', 'change');
  await waitForResult(page, 'test image #17');

  // The same image through the CLI: the test subset's 18th image as pixel / 255.
  const images = gunzipSync(readFileSync('/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz'));
  const labels = gunzipSync(readFileSync('/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz'));
  const pixels = [...images.subarray(16 + 17 * 784, 16 + 18 * 784)];
  writeFileSync(join(dir, 'x.json'), JSON.stringify({ shape: [1, 28, 28], data: pixels.map((p) => Math.fround(p / 255)) }));
  cliJson('quantize', 'preset:FashionTinyNet', '--weights', weights, '--seed', '1', '--calib', '16', '-o', join(dir, 'm.json'), '--json');
  const native = cliJson('infer', join(dir, 'm.json'), '--input', join(dir, 'x.json'), '--json');
  assert.deepEqual(await shownInt8(page), native.output.int8);

  const label = labels[8 + 17];
  assert.match(await page.textContent('[data-testid="dataset-label"]'), new RegExp(`#17 of 2000: ${FASHION_CLASSES[label].replace('/', '\\/')}`));
  const names = await page.$$eval('[data-testid="class-name"]', (cells) => cells.map((cell) => cell.textContent));
  assert.equal(names.length, 10);
  const argmax = native.output.int8.indexOf(Math.max(...native.output.int8));
  const top = await page.$$eval('.scores-table tbody tr', (rows) => rows.map((row) => [row.cells[0].textContent, Number(row.cells[3].textContent)]));
  assert.ok(top.some(([name, q]) => name === `${argmax} ${FASHION_CLASSES[argmax]}` && q === native.output.int8[argmax]));
  assert.deepEqual(page.errors, []);
});

test('a drawing runs through the network and shows class names', { timeout: TIMEOUT }, async () => {
  const page = await openPage(session.browser, `${session.url}#preset=FashionTinyNet`);
  await page.selectOption('#inference-input', 'drawing');
  await page.click('#inference-run');
  await page.waitForFunction(() => document.querySelector('#inference-status').classList.contains('error'));
  assert.match(await page.textContent('#inference-status'), /draw something first/);
  const box = await page.locator('#drawing-pad').boundingBox();
  await page.mouse.move(box.x + 50, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 50, box.y + 150, { steps: 12 });
  await page.mouse.move(box.x + 120, box.y + 150, { steps: 12 });
  await page.mouse.up();
  await waitForResult(page, 'your drawing');
  const names = await page.$$eval('[data-testid="class-name"]', (cells) => cells.map((cell) => cell.textContent));
  assert.equal(names.length, 10);
  for (const name of names) assert.ok(FASHION_CLASSES.some((known) => name.endsWith(known)), name);
  // The network input shows the stroke: some bright pixels, mostly black.
  const bright = await page.$eval('.input-preview', (canvas) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let count = 0;
    for (let index = 0; index < data.length; index += 4) count += data[index] > 128;
    return count;
  });
  assert.ok(bright > 20 && bright < 400, `${bright} bright pixels`);
});

test('training shows progress and growing curves, and cancel stops it', { timeout: TIMEOUT }, async () => {
  const page = await openPage(session.browser, `${session.url}#preset=FashionMCUNet`);
  await page.fill('#training-epochs', '3');
  await page.click('#training-run');
  await page.waitForFunction(() => document.querySelector('#training-progress').value > 0, null, { timeout: TIMEOUT });
  const first = await page.$eval('#training-progress', (bar) => bar.value);
  const points = await page.$eval('#training-chart', (canvas) => Number(canvas.dataset.points));
  await page.waitForFunction(([bar, count]) => document.querySelector('#training-progress').value > bar &&
    Number(document.querySelector('#training-chart').dataset.points) > count, [first, points], { timeout: TIMEOUT });
  assert.match(await page.textContent('#training-status'), /Epoch 1 of 3, batch \d+ of 188: loss \d/);
  // The page answers while the worker trains.
  const answered = await page.evaluate(() => new Promise((resolve) => { const start = performance.now(); setTimeout(() => resolve(performance.now() - start), 0); }));
  assert.ok(answered < 500, `a timer waited ${answered} ms`);
  await page.click('#training-cancel');
  await page.waitForFunction(() => /Cancelled after \d+ of 564 batches/.test(document.querySelector('#training-status').textContent), null, { timeout: 30000 });
  assert.equal(await page.isDisabled('#training-run'), false);
  assert.equal(await page.isDisabled('#training-cancel'), true);
  assert.equal(await page.$eval('[data-testid="training-result"]', (node) => node.textContent), '');
  assert.deepEqual(page.errors, []);
});

test('a network that does not take 28×28 grey images gets a clear message', { timeout: TIMEOUT }, async () => {
  const page = await openPage(session.browser, `${session.url}#preset=TinyNet`);
  // The first load of a preset that is not for the data set loads no data script.
  assert.deepEqual(await page.$$eval('script[src^="data/"]', (scripts) => scripts.map((script) => script.src)), []);
  await page.click('#training-run');
  await page.waitForFunction(() => document.querySelector('#training-status').classList.contains('error'));
  assert.match(await page.textContent('#training-status'), /takes 3×128×128 input; training on Fashion-MNIST needs 1×H×W grey input/);
});

test('a finished run shows float and int8 accuracy, survives a reload, and drives the inference panel', { timeout: TIMEOUT }, async () => {
  const page = await openPage(session.browser, `${session.url}#preset=FashionTinyNet`);
  await page.selectOption('#training-subset', '1000');
  await page.fill('#training-epochs', '1');
  await page.click('#training-run');
  await page.waitForSelector('[data-testid="float-accuracy"]', { timeout: TIMEOUT });
  const floatText = await page.textContent('[data-testid="float-accuracy"]');
  const int8Text = await page.textContent('[data-testid="int8-accuracy"]');
  const float = Number.parseFloat(floatText);
  const int8 = Number.parseFloat(int8Text);
  assert.ok(float > 40 && float <= 100, floatText);
  assert.equal(await page.textContent('[data-testid="int8-drop"]'), `${(float - int8).toFixed(2)} points`);
  assert.match(await page.textContent('[data-testid="weights-note"]'), /from your training run in this browser/);
  const download = page.waitForEvent('download');
  await page.click('#training-download-int8');
  const model = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  assert.equal(model.format, 'tinyml-int8-model');

  await page.reload();
  await waitReady(page);
  assert.equal(await page.textContent('[data-testid="float-accuracy"]'), floatText);
  assert.equal(await page.textContent('[data-testid="int8-accuracy"]'), int8Text);
  assert.match(await page.textContent('[data-testid="training-result"]'), /kept in its storage/);
  await page.waitForFunction(() => /from your training run/.test(document.querySelector('[data-testid="weights-note"]').textContent));
  assert.deepEqual(page.errors, []);
});

test('from file:// the data scripts load and a test image runs with the shipped weights', { timeout: TIMEOUT }, async () => {
  const page = await openPage(session.browser, `${FILE_URL}#preset=FashionTinyNet`);
  await page.waitForFunction(() => /shipped with the preset/.test(document.querySelector('[data-testid="weights-note"]').textContent));
  await page.selectOption('#inference-input', 'test-image');
  await waitForResult(page, 'test image #0');
  assert.match(await page.textContent('[data-testid="dataset-label"]'), /#0 of 2000: Ankle boot/);
  assert.equal((await page.$$('[data-testid="class-name"]')).length, 10);
  assert.deepEqual(page.errors, []);
});
