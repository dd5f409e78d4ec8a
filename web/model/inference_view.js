// What the inference panel shows, computed from the core's compare report and latency
// estimate. No DOM: plain functions over the reports (docs/int8-model-format.md and
// core/api.hpp describe their fields).

import { formatShape, formatShortCount } from './format.js';

export const MAX_CLASS_ROWS = 10;

// Rank of each index when `values` are sorted largest first (ties: lower index first).
function ranks(values) {
  const order = values.map((value, index) => [value, index]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const rank = new Array(values.length);
  order.forEach(([, index], position) => { rank[index] = position; });
  return rank;
}

// The class scores side by side: [{index, float, int8, q, floatRank, int8Rank}], the
// float network's top classes first (all of them when there are at most `limit`).
export function classRows(output, int8Output, limit = MAX_CLASS_ROWS) {
  const floatRank = ranks(output.float);
  const int8Rank = ranks(output.dequantized);
  const rows = output.float.map((value, index) => ({
    index,
    float: value,
    int8: output.dequantized[index],
    q: int8Output.int8[index],
    floatRank: floatRank[index],
    int8Rank: int8Rank[index],
  }));
  rows.sort((a, b) => a.floatRank - b.floatRank);
  return rows.slice(0, limit);
}

// "argmax agrees (class 3); top-5 overlap 4 of 5"
export function agreementText(output) {
  const argmax = output.argmax_equal
    ? `argmax agrees (class ${output.float_argmax})`
    : `argmax differs: float class ${output.float_argmax}, int8 class ${output.int8_argmax}`;
  return `${argmax}; top-${output.top_k} overlap ${output.top_k_overlap} of ${output.top_k}`;
}

const number = (value) => (Math.abs(value) >= 100 ? value.toFixed(1) : Math.abs(value) >= 1 ? value.toFixed(3) : value.toPrecision(3));

// Per-layer rows: name, shape, the float range on this input, the int8 tensor's
// representable range scale · ([-128, 127] − zero_point), the errors and the step.
export function layerErrorRows(layers) {
  return layers.map((layer) => ({
    name: layer.name,
    type: layer.type,
    shape: formatShape(layer.shape),
    floatRange: `${number(layer.float_min)} … ${number(layer.float_max)}`,
    int8Range: `${number(layer.scale * (-128 - layer.zero_point))} … ${number(layer.scale * (127 - layer.zero_point))}`,
    scale: layer.scale.toPrecision(3),
    maxError: number(layer.max_abs_error),
    meanError: number(layer.mean_abs_error),
    steps: layer.max_error_steps.toFixed(2),
  }));
}

// "12.3 ms" with sensible precision.
export function formatMs(ms) {
  return `${ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)} ms`;
}

// The estimate as the panel states it: the figure, the sum that gives it, and its basis.
export function latencyLines(estimate) {
  const core = estimate.assumed_core ? `${estimate.mcu_core}, assumed ${estimate.core}` : estimate.mcu_core;
  return {
    headline: `≈ ${formatMs(estimate.ms)} on ${estimate.mcu}`,
    sum: `${formatShortCount(estimate.macs)} MACs × ${estimate.cycles_per_mac.toFixed(2)} cycles/MAC (${core}) ÷ ${estimate.clock_mhz} MHz`,
    basis: `${estimate.basis === 'measured' ? 'Measured figure' : 'Derived figure'}: ${estimate.derivation}.`,
    source: `Source: ${estimate.source}.`,
  };
}

// The canvas size an image is drawn at before its pixels go to the core (which resizes
// them exactly to the network input): the image's own size, shrunk (keeping its aspect)
// so that neither side exceeds 4× the network's, to bound the pixels sent.
export function pixelCanvasSize(width, height, inputShape) {
  const [, inputHeight, inputWidth] = inputShape;
  const scale = Math.min(1, (4 * inputWidth) / width, (4 * inputHeight) / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

// How many timed runs: fewer for big networks, so a run stays a few seconds in the browser.
export function timedRuns(macs) {
  return macs > 1e8 ? 3 : 5;
}

// The network input as RGBA pixels to draw ({shape: [C, H, W], values in C, H, W order},
// values in [lo, hi], by default [−1, 1] → 0–255): RGB for 3 channels, grey from the first
// channel otherwise. Flat inputs (no image) → null.
export function inputPreviewPixels(input, [lo, hi] = [-1, 1]) {
  if (!input || input.shape.length !== 3) return null;
  const [channels, height, width] = input.shape;
  const plane = height * width;
  const byte = (value) => Math.max(0, Math.min(255, Math.round(((value - lo) / (hi - lo)) * 255)));
  const data = new Uint8ClampedArray(plane * 4);
  for (let pixel = 0; pixel < plane; ++pixel) {
    for (let channel = 0; channel < 3; ++channel) {
      data[pixel * 4 + channel] = byte(input.values[(channels === 3 ? channel : 0) * plane + pixel]);
    }
    data[pixel * 4 + 3] = 255;
  }
  return { width, height, data };
}
