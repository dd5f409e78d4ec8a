// npm run bench: how long `analyze` of every preset takes natively and through wasm.
// The native time is the CLI's wall time less that of `tinyml mcus` (process start and
// exit), so it is rough for fast presets; the wasm time is the in-process mean.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { createPlayground } from '../wasm/api.js';

const cli = fileURLToPath(new URL('../build/native/tools/tinyml', import.meta.url));
if (!existsSync(cli)) {
  console.error(`bench: ${cli} is missing; run npm run build`);
  process.exit(1);
}

// Median wall time of fn() in milliseconds over `runs` calls.
function medianMs(fn, runs) {
  const times = [];
  for (let run = 0; run < runs; ++run) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

const runCli = (...args) => execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const playground = await createPlayground();
const startupMs = medianMs(() => runCli('mcus'), 9);

console.log(`native CLI start-up ${startupMs.toFixed(2)} ms (subtracted below)`);
console.log('preset'.padEnd(16), 'native ms'.padStart(10), 'wasm ms'.padStart(10), 'wasm/native'.padStart(12));
for (const preset of playground.presets()) {
  const specText = JSON.stringify(preset.spec);
  const nativeMs = Math.max(medianMs(() => runCli('analyze', `preset:${preset.name}`, '--json'), 9) - startupMs, 0.01);
  const wasmMs = medianMs(() => playground.analyze(specText), 25);
  console.log(
    preset.name.padEnd(16),
    nativeMs.toFixed(2).padStart(10),
    wasmMs.toFixed(2).padStart(10),
    (wasmMs / nativeMs).toFixed(2).padStart(12),
  );
}
