// How long NAS ranked by measured accuracy takes in the page (headless Chromium, the
// built dist/ from file://, everything in the NAS Web Worker): the estimate the panel
// shows before Start, then the training phase's measured time and estimate as the status
// reports them, and the wall time from "Start" to "Done". Saves a screenshot under
// build/e2e/. Not a test (a timing is not a pass/fail); run after a build:
//   node tests/e2e/nas_accuracy_timing.mjs [CANDIDATES EPOCHS TRAIN_IMAGES TEST_IMAGES MCU]
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, FILE_URL, launchChromium, openPage } from './browser.mjs';

const [candidates = '3', epochs = '1', trainImages = '2000', testImages = '1000', mcu = 'STM32F746'] = process.argv.slice(2);

await mkdir(ARTIFACTS, { recursive: true });
const browser = await launchChromium();
try {
  const page = await openPage(browser, `${FILE_URL}#preset=TinyNet&mcu=${mcu}&precision=int8`, { width: 1400, height: 1000 });
  await page.hover('#nas-panel');
  await page.check('#nas-accuracy');
  await page.fill('#nas-acc-candidates', candidates);
  await page.fill('#nas-acc-epochs', epochs);
  await page.fill('#nas-acc-train', trainImages);
  await page.fill('#nas-acc-test', testImages);
  await page.waitForFunction(() => /will take about/.test(document.querySelector('#nas-estimate').textContent), null, { timeout: 120000 });
  console.log(`before Start: ${await page.textContent('#nas-estimate')}`);
  const started = Date.now();
  await page.click('#nas-start');
  await page.waitForFunction(() => /^Done:/.test(document.querySelector('#nas-status')?.textContent ?? ''), null, { timeout: 1200000, polling: 100 });
  console.log(`Start to Done: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`status: ${await page.textContent('#nas-status')}`);
  const rows = await page.$$eval('#nas-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('[data-field]')].map((td) => td.textContent.trim()).join(' | ')));
  for (const row of rows) console.log(`  ${row}`);
  await page.$eval('#nas-panel', (panel) => panel.scrollIntoView());
  const out = join(ARTIFACTS, 'nas-accuracy-timing.png');
  await page.locator('#nas-panel').screenshot({ path: out });
  console.log(`screenshot: ${out}`);
} finally {
  await browser.close();
}
