// How long a 10,000-candidate TinyNAS search takes in the page (headless Chromium, the
// built dist/ from file://, the search in its Web Worker), from the click on "Start" to
// "Done" on screen; saves a screenshot of the finished panel under build/e2e/. Not a
// test (a timing is not a pass/fail); run after a build:
//   node tests/e2e/nas_timing.mjs
import { mkdir } from 'node:fs/promises';
import { ARTIFACTS, FILE_URL, launchChromium, openPage } from './browser.mjs';

// Each: 10,000 trials in all (pairs × samples + evolution trials).
const CASES = [
  { space: 'lecture', samples: 100, trials: 9500, estimator: 'live', mcu: 'STM32F4' },  // 5 pairs; + enumerating 8,640
  { space: 'mcunet', samples: 50, trials: 5200, estimator: 'live', mcu: 'STM32F746' },  // 96 pairs
  { space: 'mcunet', samples: 50, trials: 5200, estimator: 'inplace_depthwise', mcu: 'STM32F746' },
  { space: 'mcunet', samples: 50, trials: 5200, estimator: 'arena', mcu: 'STM32F746' },
];
const only = process.argv[2];

await mkdir(ARTIFACTS, { recursive: true });
const browser = await launchChromium();
try {
  for (const [index, search] of CASES.entries()) {
    if (only !== undefined && Number(only) !== index) continue;
    const page = await openPage(browser, `${FILE_URL}#preset=TinyNet&mcu=${search.mcu}&precision=int8`, { width: 1400, height: 1000 });
    await page.selectOption('#nas-space', search.space);
    await page.selectOption('#nas-estimator', search.estimator);
    await page.fill('#nas-samples', String(search.samples));
    await page.fill('#nas-trials', String(search.trials));
    const started = Date.now();
    await page.click('#nas-start');
    await page.waitForFunction(() => /^Done:/.test(document.querySelector('#nas-status')?.textContent ?? ''), null, { timeout: 600000, polling: 20 });
    const seconds = (Date.now() - started) / 1000;
    const status = await page.textContent('#nas-status');
    console.log(`${search.space} ${search.estimator} on ${search.mcu}: ${seconds.toFixed(2)} s in the page. ${status}`);
    await page.$eval('#nas-panel', (panel) => panel.scrollIntoView());
    await page.screenshot({ path: `${ARTIFACTS}nas-${search.space}-${search.estimator}.png`, fullPage: true });
    await page.context().close();
  }
} finally {
  await browser.close();
}
