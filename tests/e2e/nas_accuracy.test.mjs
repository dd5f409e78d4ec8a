// TinyNAS ranked by measured accuracy in headless Chromium (issue 6): the panel shows the
// training time before Start, runs a small search whose best candidates train on the
// page's Fashion-MNIST subset, ranks them by measured float accuracy with int8 beside it,
// a ranked candidate opens in the editor, and Cancel stops the training phase and keeps
// what was measured.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { ARTIFACTS, openPage, useBrowser } from './browser.mjs';

const session = useBrowser();

async function setAccuracySearch(page, { candidates, trainImages, testImages }) {
  await page.check('#nas-accuracy');
  assert.equal(await page.inputValue('#nas-space'), 'fashion', 'ranking by accuracy picks the trainable space');
  await page.fill('#nas-trials', '200');
  await page.fill('#nas-samples', '20');
  await page.fill('#nas-acc-candidates', String(candidates));
  await page.fill('#nas-acc-epochs', '1');
  await page.fill('#nas-acc-train', String(trainImages));
  await page.fill('#nas-acc-test', String(testImages));
}

function accuracyRows(page) {
  return page.$$eval('#nas-table tbody tr', (rows) => rows.map((row) => Object.fromEntries(
    [...row.querySelectorAll('[data-field]')].map((cell) => [cell.dataset.field, cell.textContent.trim()]))));
}

const estimatePattern = /will take about (\d+\.\d) s/;

test('the estimate shows before Start, a small accuracy search ranks its candidates by measured accuracy, one opens', async () => {
  const page = await openPage(session.browser, `${session.url}#preset=TinyNet&mcu=STM32F4&precision=int8`);
  await page.hover('#nas-panel');
  await setAccuracySearch(page, { candidates: 2, trainImages: 300, testImages: 200 });
  await page.waitForFunction((source) => new RegExp(source).test(document.querySelector('#nas-estimate').textContent),
    estimatePattern.source, { timeout: 30000 });
  const estimateLine = await page.textContent('#nas-estimate');
  assert.match(estimateLine, /Training 2 candidates will take about \d+\.\d s: 300 training images each .* 200 test images/);
  assert.equal(await page.getAttribute('#nas-progress', 'aria-valuenow'), '0', 'nothing ran yet');

  await page.click('#nas-start');
  await page.waitForFunction(() => /training candidate \d of 2/.test(document.querySelector('#nas-status').textContent), null, { timeout: 30000 });
  await page.waitForFunction(() => /Trained 2 candidates/.test(document.querySelector('#nas-status').textContent), null, { timeout: 60000 });
  const status = await page.textContent('#nas-status');
  assert.match(status, /^Done: .*Trained 2 candidates \(1 epoch on 300 images each\) in \d+\.\d s; estimated \d+\.\d s before training began\. The best measured: \d+\.\d% float, \d+\.\d% int8 on 200 test images\./);
  assert.equal(await page.textContent('#nas-table').then((text) => /Float acc\..*Int8 acc\..*Int8 drop/.test(text)), true);
  const rows = await accuracyRows(page);
  assert.equal(rows.length, 2);
  const floats = rows.map((row) => Number.parseFloat(row.float));
  assert.ok(floats.every((value) => value > 0 && value <= 100), JSON.stringify(rows));
  assert.ok(floats[0] >= floats[1], 'ranked by measured float accuracy');
  assert.deepEqual(rows.map((row) => row.macRank).sort(), ['1', '2']);
  for (const row of rows) {
    const drop = Number.parseFloat(row.drop);
    assert.ok(Math.abs(Number.parseFloat(row.float) - Number.parseFloat(row.int8) - drop) < 0.011, JSON.stringify(row));
  }
  await page.$eval('#nas-panel', (panel) => panel.scrollIntoView());
  await page.locator('#nas-panel').screenshot({ path: join(ARTIFACTS, 'nas-accuracy.png') });

  await page.click('#nas-table tbody tr:nth-child(1) .nas-open');
  await page.waitForFunction(() => document.querySelector('#preset-select')?.value === 'NAS candidate');
  await page.waitForFunction(() => document.querySelector('.status.ok')?.textContent.startsWith('fashion-w'));
  assert.deepEqual(page.errors, []);
});

test('Cancel during the training phase stops it and keeps the candidates trained so far', async () => {
  const page = await openPage(session.browser, `${session.url}#preset=TinyNet&mcu=STM32F4&precision=int8`);
  await page.hover('#nas-panel');
  await setAccuracySearch(page, { candidates: 3, trainImages: 6000, testImages: 200 });
  await page.click('#nas-start');
  await page.waitForFunction(() => /training candidate 1 of 3, epoch 1 of 1 · [1-9][\d,]* of 18,000/.test(document.querySelector('#nas-status').textContent), null, { timeout: 60000 });
  const started = Date.now();
  await page.click('#nas-cancel');
  await page.waitForFunction(() => /Cancelled during training: 0 of 3 candidates trained/.test(document.querySelector('#nas-status').textContent), null, { timeout: 10000 });
  assert.ok(Date.now() - started < 5000, 'the cancel got through between slices');
  assert.equal(await page.isDisabled('#nas-start'), false);
  const rows = await accuracyRows(page);
  assert.equal(rows.length, 3);
  assert.ok(rows.every((row) => row.float === '–'), 'nothing was trained to the end');
  assert.deepEqual(page.errors, []);
});
