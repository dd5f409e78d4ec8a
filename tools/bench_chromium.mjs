// The wasm inference benchmark (build/wasm/bench_inference.mjs, tools/bench_inference.cpp)
// run inside headless Chromium, where the page runs: the same program as `npm run bench`
// runs under Node, loaded by a blank page from a routed origin (no server, no network).
// Used by tools/bench.mjs; alone:
//   node tools/bench_chromium.mjs [bench_inference arguments]   e.g. --presets MCUNet,TinyNet
// Prints the program's JSON lines. Chromium is Debian's /usr/bin/chromium (setup.sh).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { launchChromium } from '../tests/e2e/browser.mjs';
import { wasmProgramPath } from './node/run_wasm_program.mjs';

const ORIGIN = 'http://bench.invalid';

// Runs build/wasm/NAME.mjs in a Chromium page with `args`; returns its printed lines.
export async function runInChromium(name, args = []) {
  const program = readFileSync(wasmProgramPath(name));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === `/${name}.mjs`) return route.fulfill({ body: program, contentType: 'text/javascript' });
      return route.fulfill({ body: '<!doctype html><title>bench</title>', contentType: 'text/html' });
    });
    await page.goto(`${ORIGIN}/`);
    return await page.evaluate(async ([url, programArgs]) => {
      const { default: factory } = await import(url);
      const lines = [];
      const errors = [];
      let status = 0;
      await factory({
        arguments: programArgs,
        print: (line) => lines.push(line),
        printErr: (line) => errors.push(line),
        onExit: (code) => { status = code; },
        quit: (code) => { status = code; },
      });
      if (status !== 0 || errors.length > 0) throw new Error(`status ${status}: ${errors.join('\n')}`);
      return lines;
    }, [`${ORIGIN}/${name}.mjs`, args]);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const line of await runInChromium('bench_inference', process.argv.slice(2))) console.log(line);
}
