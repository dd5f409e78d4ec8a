// Measures int8 and float inference time in headless Chromium through the page's
// inference panel (the Web Worker, wasm, one thread), for presets at their native size.
// Not a test (speed is never asserted in tests); run after a build:
//   node tests/e2e/inference_timing.mjs [PRESET ...]      default: TinyNet MCUNet
// Prints the panel's own figures: the median of its timed runs (5 below 100 M MACs, else 3).
import { FILE_URL, launchChromium, openPage } from './browser.mjs';

const presets = process.argv.slice(2).length ? process.argv.slice(2) : ['TinyNet', 'MCUNet'];
const browser = await launchChromium();
try {
  for (const preset of presets) {
    const page = await openPage(browser, `${FILE_URL}#preset=${preset}&mcu=STM32F746&precision=int8`);
    await page.selectOption('#inference-input', 'noise');
    await page.click('#inference-run');
    await page.waitForSelector('[data-testid="browser-time"]', { timeout: 600000 });
    const summary = await page.textContent('.inference-summary');
    const time = await page.textContent('[data-testid="browser-time"]');
    console.log(`${preset}: ${summary}\n  ${time}`);
    await page.context().close();
  }
} finally {
  await browser.close();
}
