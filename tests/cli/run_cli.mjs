// Runs the native CLI the way the CLI tests need it. Not a test file: node --test picks
// only *.test.mjs. TINYML_CLI points the tests at another build of the CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cliPath } from '../wasm/native_cli.mjs';

const cli = process.env.TINYML_CLI || cliPath;

// → {status, stdout, stderr} of `tinyml ...args`.
export function run(...args) {
  return spawnSync(cli, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
}

// stdout of `tinyml ...args` parsed as JSON; the exit status must be 0 (stderr says why not).
export function json(...args) {
  const { status, stdout, stderr } = run(...args);
  assert.equal(status, 0, stderr);
  return JSON.parse(stdout);
}
