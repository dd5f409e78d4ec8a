// Runs the native CLI (build/native/tools/tinyml) so the wasm results can be compared
// with it. Not a test file: node --test picks only *.test.mjs here.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const cliPath = fileURLToPath(new URL('../../build/native/tools/tinyml', import.meta.url));

// Returns the CLI's stdout parsed as JSON; throws (with its stderr) when it exits non-zero.
export function cliJson(...args) {
  if (!existsSync(cliPath)) {
    throw new Error(`${cliPath} is missing: run npm run build first`);
  }
  let stdout;
  try {
    stdout = execFileSync(cliPath, args, { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (failure) {
    throw new Error(`tinyml ${args.join(' ')} exited with ${failure.status}: ${failure.stderr}`.trim());
  }
  return JSON.parse(stdout);
}
