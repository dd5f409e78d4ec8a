// Errors reach JS as PlaygroundError with the JSON path, the reason and, for JSON
// syntax errors, the line and column; the core stays usable after each of them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { createPlayground, PlaygroundError } from '../../wasm/api.js';
import { cliPath } from './native_cli.mjs';

const tinySpec = {
  name: 'Tiny',
  input: [3, 16, 16],
  layers: [
    { type: 'conv2d', out: 8, kernel: 3 },
    { type: 'conv2d', out: 8, kernel: 3, stride: 2 },
    { type: 'global_avgpool' },
    { type: 'linear', out: 10 },
  ],
};

function withLayer(index, changes) {
  const spec = structuredClone(tinySpec);
  Object.assign(spec.layers[index], changes);
  return JSON.stringify(spec, null, 2);
}

// Runs fn, which must throw a PlaygroundError, and returns that error.
function playgroundError(fn) {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof PlaygroundError, `expected a PlaygroundError, got ${error}`);
    assert.ok(error instanceof Error);
    return error;
  }
  assert.fail('expected a PlaygroundError, nothing was thrown');
}

let playground;
let scratch;
before(async () => {
  playground = await createPlayground();
  scratch = mkdtempSync(join(tmpdir(), 'tinyml-wasm-test-'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

test('the spec used by these tests is valid', () => {
  assert.equal(playground.analyze(JSON.stringify(tinySpec)).name, 'Tiny');
});

test('stride 0 in layers[1] names layers[1].stride', () => {
  const error = playgroundError(() => playground.analyze(withLayer(1, { stride: 0 })));
  assert.equal(error.path, 'layers[1].stride');
  assert.match(error.reason, /must be 1 or more, got 0/);
  assert.equal(error.message, `layers[1].stride: ${error.reason}`);
  assert.equal(error.name, 'PlaygroundError');
  assert.equal(error.line, null);
  assert.equal(error.column, null);
});

test('an unknown field is an error at its path', () => {
  const error = playgroundError(() => playground.analyze(withLayer(0, { strid: 2 })));
  assert.equal(error.path, 'layers[0].strid');
  assert.match(error.reason, /unknown field/);
});

test('malformed JSON gives the line and column of the problem', () => {
  const text = '{\n  "name": "Tiny",\n  "input": [3, 16, 16]\n  "layers": []\n}';
  const error = playgroundError(() => playground.analyze(text));
  assert.equal(error.path, '');
  assert.equal(error.line, 4);
  // Somewhere on the unexpected token `"layers"` (columns 3 to 10): nlohmann reports
  // where the token ends, not where it starts.
  assert.ok(error.column >= 3 && error.column <= 10, `column ${error.column}`);
  assert.match(error.reason, new RegExp(`line 4, column ${error.column}`));
  assert.equal(error.message, error.reason);
});

test('truncated JSON points at its end', () => {
  const text = '{\n  "name": "Tiny",\n  "input": [3, 16';
  const error = playgroundError(() => playground.analyze(text));
  assert.equal(error.line, 3);
  assert.ok(Number.isInteger(error.column) && error.column >= 1, `column ${error.column}`);
});

test('an unknown MCU names options.mcu', () => {
  const error = playgroundError(() => playground.analyze(JSON.stringify(tinySpec), { mcu: 'NoSuchChip' }));
  assert.equal(error.path, 'options.mcu');
  assert.match(error.reason, /unknown MCU "NoSuchChip"/);
});

test('an unknown precision names options.precision', () => {
  const error = playgroundError(() => playground.analyze(JSON.stringify(tinySpec), { precision: 'int4' }));
  assert.equal(error.path, 'options.precision');
});

test('options that are null or undefined are left out', () => {
  const report = playground.analyze(JSON.stringify(tinySpec), { mcu: null, precision: undefined });
  assert.equal(report.mcu, undefined);
  assert.equal(report.precision, 'int8');
});

test('a spec object is analysed like its JSON text', () => {
  assert.deepStrictEqual(playground.analyze(tinySpec), playground.analyze(JSON.stringify(tinySpec)));
});

test('the core keeps working after errors', () => {
  for (let round = 0; round < 50; ++round) {
    playgroundError(() => playground.analyze('{"name": '));
    playgroundError(() => playground.analyze(withLayer(1, { stride: 0 })));
  }
  assert.equal(playground.analyze(JSON.stringify(tinySpec)).name, 'Tiny');
});

test('the CLI reports the same error on stderr', () => {
  const cases = [withLayer(1, { stride: 0 }), withLayer(0, { strid: 2 }), '{\n  "name": "Tiny",\n  "input": [3, 16, 16]\n  "layers": []\n}'];
  cases.forEach((text, index) => {
    const file = join(scratch, `case${index}.json`);
    writeFileSync(file, text);
    const error = playgroundError(() => playground.analyze(text));
    let stderr = '';
    let status = 0;
    try {
      execFileSync(cliPath, ['analyze', file, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (failure) {
      ({ stderr, status } = failure);
    }
    assert.equal(status, 1, `CLI exit status for case ${index}`);
    assert.equal(stderr.trim(), `error: ${error.message}`);
  });
});
