// Takes the README's screenshot, docs/screenshot.png: TinyNet on STM32F4 at 1400×1000,
// from the built dist/ opened from disk. Not a test; run it after a visible change:
//   npm run build && node tests/e2e/screenshot.mjs
import { fileURLToPath } from 'node:url';
import { FILE_URL, launchChromium, openPage } from './browser.mjs';

const out = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url));
const browser = await launchChromium();
try {
  const page = await openPage(browser, `${FILE_URL}#preset=TinyNet&mcu=STM32F4&precision=int8`);
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out}`);
} finally {
  await browser.close();
}
