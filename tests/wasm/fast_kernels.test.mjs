// The fast int8 kernels in wasm (the SIMD128 path the page runs) give the reference
// kernels' bytes exactly: random conv2d / depthwise / fully connected cases, every preset
// at 32×32 and random networks, tensor by tensor (tests/fast_kernels/fast_kernels_check.cpp,
// the same comparisons the native Catch2 sweeps make with SSE4.1).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { runWasmProgram } from '../../tools/node/run_wasm_program.mjs';

test('fast kernels equal the reference kernels in wasm with SIMD128', async () => {
  const [line] = await runWasmProgram('fast_kernels_check');
  const result = JSON.parse(line);
  assert.equal(result.target, 'wasm-simd128');
  assert.deepStrictEqual(result.failures, []);
  assert.equal(result.differing_cases, 0);
  // 300 seeds × 4 kernels and the requantizer, plus every tensor of the presets and 8
  // random networks; the requantizer's short path (small accumulator bounds) ran.
  assert.ok(result.cases > 1500, `only ${result.cases} cases ran`);
  assert.ok(result.short_path_cases > 30, `the short requantization path ran ${result.short_path_cases} times`);
  assert.ok(result.compared_bytes > 100000, `only ${result.compared_bytes} bytes compared`);
});

test('the wasm inference bench runs a preset with both kernel sets and they agree', async () => {
  const [line] = await runWasmProgram('bench_inference', ['--presets', 'MCUNet', '--resolution', '32',
    '--min-runs', '1', '--budget-ms', '0']);
  const row = JSON.parse(line);
  assert.equal(row.preset, 'MCUNet');
  assert.equal(row.target, 'wasm-simd128');
  assert.equal(row.outputs_equal, true);
  for (const key of ['float_ms', 'int8_reference_ms', 'int8_fast_ms']) assert.ok(row[key] > 0, key);
});
