// The TinyNAS panel in headless Chromium: a search runs in a Web Worker with progress,
// charts and a table; a candidate opens in the editor and the analysis agrees with it;
// cancel stops a run and keeps what it found; an impossible budget is explained; the
// page keeps reacting while a search runs; and all of it works from file:// too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARTIFACTS, editorText, FILE_URL, openPage, replaceInEditor, useBrowser, verdict } from './browser.mjs';

const session = useBrowser();

async function setSearch(page, { space = 'lecture', trials, samples, seed = 1, estimator = 'live' }) {
  await page.selectOption('#nas-space', space);
  await page.selectOption('#nas-estimator', estimator);
  await page.fill('#nas-trials', String(trials));
  await page.fill('#nas-samples', String(samples));
  await page.fill('#nas-seed', String(seed));
}

async function waitDone(page, timeout = 30000) {
  await page.waitForFunction(() => /^Done:/.test(document.querySelector('#nas-status')?.textContent ?? ''), null, { timeout });
}

// Pixels of exactly this colour on a canvas below its legend (the top 40 CSS pixels):
// the best star and the chosen CDF are #dc2626.
function pixelsOf(page, selector, [red, green, blue]) {
  return page.$eval(selector, (canvas, rgb) => {
    const skip = Math.round(40 * devicePixelRatio);
    const { data } = canvas.getContext('2d').getImageData(0, skip, canvas.width, canvas.height - skip);
    let count = 0;
    for (let index = 0; index < data.length; index += 4) {
      if (data[index] === rgb[0] && data[index + 1] === rgb[1] && data[index + 2] === rgb[2] && data[index + 3] === 255) count += 1;
    }
    return count;
  }, [red, green, blue]);
}

function tableRows(page) {
  return page.$$eval('#nas-table tbody tr', (rows) => rows.map((row) => Object.fromEntries(
    [...row.querySelectorAll('[data-field]')].map((cell) => [cell.dataset.field, cell.textContent.trim()]))));
}

const RED = [220, 38, 38];

test('a search runs: progress, the scatter and CDF charts, the table; a candidate opens in the editor', async () => {
  const page = await openPage(session.browser, `${session.url}#preset=TinyNet&mcu=STM32F4&precision=int8`);
  // The student's own edit, which opening a candidate must not lose.
  await replaceInEditor(page, '"out": 16', '16', '12');
  await page.waitForFunction(() => document.querySelector('.preset-description')?.textContent.includes('edited'));
  const studentText = await editorText(page);

  assert.match(await page.textContent('.nas-mcu'), /STM32F4.*128\.00 KB SRAM, 512\.00 KB flash/);
  await setSearch(page, { trials: 600, samples: 40, seed: 5 });
  await page.click('#nas-start');
  await waitDone(page);
  assert.equal(await page.getAttribute('#nas-progress', 'aria-valuenow'), '100');
  const status = await page.textContent('#nas-status');
  assert.match(status, /200 space-optimisation \+ 600 evolution trials/);
  assert.match(status, /The whole space holds 8,640 networks; \d[\d,]* fit/);
  const measured = Number(/^(\d[\d,]*) networks/.exec(await page.textContent('.nas-charts .card-note'))[1].replace(/,/g, ''));
  assert.ok(measured > 100, `${measured} networks plotted`);
  assert.ok(await pixelsOf(page, '#nas-scatter', RED) > 20, 'the best is starred on the scatter');
  assert.ok(await pixelsOf(page, '#nas-cdf', RED) > 20, 'the chosen CDF is drawn');
  assert.match(await page.textContent('.nas-charts figure:nth-child(2) .card-note'), /chosen: width \d+, resolution 128/);

  const rows = await tableRows(page);
  assert.equal(rows.length, 10);
  const macs = rows.map((row) => Number(row.macs.replace(/,/g, '')));
  assert.deepEqual([...macs].sort((a, b) => b - a), macs, 'best first');
  assert.ok(rows.every((row) => Number.parseFloat(row.peak.replace(/,/g, '')) <= 128 && Number.parseFloat(row.flash.replace(/,/g, '')) <= 512));

  // Open the second candidate: the analysis shows its numbers.
  await page.click('#nas-table tbody tr:nth-child(2) .nas-open');
  await page.waitForFunction(() => document.querySelector('#preset-select')?.value === 'NAS candidate');
  await page.waitForFunction(() => document.querySelector('.status.ok')?.textContent.startsWith('lecture-w'));
  const metric = (label) => page.$$eval('.metric', (metrics, wanted) =>
    metrics.find((node) => node.querySelector('dt').textContent.startsWith(wanted))?.querySelector('.value').textContent, label);
  assert.equal(await metric('MACs'), rows[1].macs);
  assert.equal(await metric('Params'), rows[1].params);
  assert.equal(await metric('Peak SRAM (live'), rows[1].peak);
  assert.equal(await verdict(page), 'FITS');
  assert.match(await editorText(page), /"name": "lecture-w\d+"/);

  // Edits to an opened candidate are not dropped silently: opening another one asks.
  await replaceInEditor(page, '"out": 10', '10', '7');
  await page.waitForFunction(() => document.querySelector('.preset-description')?.textContent.includes('edited'));
  const editedCandidate = await editorText(page);
  page.once('dialog', (dialog) => dialog.dismiss());
  await page.click('#nas-table tbody tr:nth-child(3) .nas-open');
  assert.equal(await editorText(page), editedCandidate);
  page.once('dialog', (dialog) => dialog.accept());
  await page.click('#nas-table tbody tr:nth-child(3) .nas-open');
  await page.waitForFunction((macs) => [...document.querySelectorAll('.metric')]
    .some((node) => node.querySelector('dt').textContent === 'MACs' && node.querySelector('.value').textContent === macs), rows[2].macs);

  // The student's edited TinyNet is still there.
  await page.selectOption('#preset-select', 'TinyNet');
  await page.waitForFunction(() => document.querySelector('.status.ok')?.textContent.startsWith('TinyNet'));
  assert.equal(await editorText(page), studentText);
  await page.screenshot({ path: `${ARTIFACTS}nas-finished.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('cancel stops a long search and keeps what it found; the page reacts while it runs', async () => {
  const page = await openPage(session.browser, `${session.url}#preset=TinyNet&mcu=STM32F746&precision=int8`);
  await setSearch(page, { space: 'mcunet', trials: 100000, samples: 1000, seed: 2 });
  await page.click('#nas-start');
  await page.waitForFunction(() => {
    const now = Number(document.querySelector('#nas-progress').getAttribute('aria-valuenow'));
    return now >= 1 && document.querySelectorAll('#nas-table tbody tr').length > 0;
  }, null, { timeout: 20000 });
  assert.match(await page.textContent('#nas-status'), /trials \(space optimisation\)/);
  // The scatter fills as increments arrive.
  const plottedNow = () => page.$eval('.nas-charts .card-note', (note) => Number(/^([\d,]+) networks/.exec(note.textContent)?.[1].replace(/,/g, '') ?? 0));
  const early = await plottedNow();
  assert.ok(early > 0);
  await page.waitForFunction((count) => Number(/^([\d,]+) networks/.exec(document.querySelector('.nas-charts .card-note').textContent)?.[1].replace(/,/g, '') ?? 0) > count, early, { timeout: 20000 });

  // While it runs: the MCU picker and the editor still drive the analysis.
  await page.selectOption('#mcu-select', 'STM32F4');
  assert.equal(await verdict(page), 'DOES NOT FIT');
  await replaceInEditor(page, '"out": 16', '16', '4');
  await page.waitForFunction(() => document.querySelector('#layer-table tbody tr td:nth-child(6)')?.textContent === '64.00');
  assert.equal(await page.isEnabled('#nas-cancel'), true, 'the search is still running');
  const before = Number(await page.getAttribute('#nas-progress', 'aria-valuenow'));
  assert.ok(before < 100);

  await page.click('#nas-cancel');
  await page.waitForFunction(() => /^Cancelled after/.test(document.querySelector('#nas-status').textContent));
  assert.equal(await page.isEnabled('#nas-start'), true);
  assert.equal(await page.isEnabled('#nas-cancel'), false);
  assert.ok((await tableRows(page)).length > 0, 'the best so far stays');
  const plotted = await page.textContent('.nas-charts .card-note');
  await page.waitForTimeout(500);
  assert.equal(await page.textContent('.nas-charts .card-note'), plotted, 'nothing arrives after the cancel');

  // A new search after a cancel runs in a fresh worker, on the MCU now chosen.
  await setSearch(page, { trials: 100, samples: 10 });
  await page.click('#nas-start');
  await waitDone(page);
  assert.match(await page.textContent('#nas-status'), /50 space-optimisation \+ 100 evolution trials/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an impossible budget ends with the explanation and the nearest misses', async () => {
  const page = await openPage(session.browser, `${session.url}#preset=TinyNet&mcu=custom&precision=int8`);
  await page.fill('#custom-flash_kb', '8');
  await page.fill('#custom-sram_kb', '4');
  await page.waitForFunction(() => document.querySelector('.nas-mcu')?.textContent.includes('4.00 KB SRAM'));
  await setSearch(page, { trials: 200, samples: 20 });
  await page.click('#nas-start');
  await waitDone(page);
  assert.equal(await page.isVisible('#nas-explanation'), true);
  const explanation = await page.textContent('#nas-explanation');
  assert.match(explanation, /No network in this search fits/);
  assert.match(explanation, /flash ≤ 8\.00 KB/);
  assert.match(explanation, /over by [\d,.]+ KB/);
  assert.match(await page.textContent('#nas-panel h3'), /Nearest misses/);
  const failures = await page.$$eval('#nas-table tbody tr:first-child .nas-failures li', (items) => items.map((item) => item.textContent));
  assert.ok(failures.length >= 1);
  assert.match(failures[0], /^(SRAM|Flash): needs [\d,.]+ KB, limit (4|8)\.00 KB, over by [\d,.]+ KB$/);
  assert.match(await page.textContent('#nas-status'), /no measured network fits/);
  await page.context().close();
});

test('a bad setting is refused with the field named', async () => {
  const page = await openPage(session.browser, session.url);
  await page.fill('#nas-trials', '');
  await page.click('#nas-start');
  await page.waitForFunction(() => document.querySelector('#nas-status').classList.contains('error'));
  assert.match(await page.textContent('#nas-status'), /request\.trials: /);
  assert.equal(await page.isEnabled('#nas-start'), true);
  await page.context().close();
});

test('the search runs from file:// (a worker from a Blob URL)', async () => {
  const page = await openPage(session.browser, FILE_URL);
  await setSearch(page, { trials: 100, samples: 10 });
  await page.click('#nas-start');
  await waitDone(page);
  assert.ok((await tableRows(page)).length > 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
