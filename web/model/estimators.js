// The peak-SRAM estimators the core reports (docs/report-format.md), in the order the
// page shows them, with what each one counts. No DOM.

import { formatCount, formatKB, formatShortCount } from './format.js';

// group: 'lecture' for the lecture's two first approximations, 'computed' for the rest.
// detail(report): an optional second sentence with this network's figures.
export const ESTIMATORS = [
  {
    key: 'lecture_in_out',
    group: 'lecture',
    label: 'Lecture: input + output',
    counts: 'The largest input + output of any convolution (lecture, part 2): only the layer being computed is in memory.',
  },
  {
    key: 'lecture_consecutive',
    group: 'lecture',
    label: 'Lecture: consecutive outputs',
    counts: 'The largest sum of two consecutive conv/linear outputs (lecture, part 3): it never sees the network input, pools, adds or skip connections.',
  },
  {
    key: 'live',
    group: 'computed',
    label: 'Live tensors (true peak)',
    counts: 'Every tensor alive while an op runs, layer by layer — its inputs, its outputs and any tensor kept for a later residual add; the verdict uses this one.',
  },
  {
    key: 'inplace_depthwise',
    group: 'computed',
    label: 'In-place depthwise',
    counts: 'Live, except that a depthwise conv whose input no later op reads writes its output over its input channel by channel, holding one padded input channel instead of a second tensor (TinyEngine).',
  },
  {
    key: 'arena',
    group: 'computed',
    label: 'Planned arena (TFLite Micro)',
    counts: 'A real allocation: every tensor gets an offset in one buffer (largest first, lowest offset free during its lifetime, 16-byte aligned). It includes kernel scratch buffers and fragmentation, the gaps the placement leaves, so arena ≥ live.',
    detail: arenaDetail,
  },
  {
    key: 'patch',
    group: 'computed',
    label: 'Patch-based (MCUNetV2)',
    counts: 'The first ops run patch by patch on an n×n grid with overlapping halos, so only the stage\'s output is held whole; the rest runs layer by layer. Recomputing the halos costs extra MACs.',
    detail: patchDetail,
  },
];

export const GROUP_TITLES = {
  lecture: 'The lecture\'s estimates',
  computed: 'Computed from the graph',
};

export const WHY_THEY_DIFFER =
  'They differ in what they count and in how the memory is used. The lecture\'s rules look at one or two layers: the consecutive-outputs rule never counts the network input that the first layer reads, and both skip pools, adds and the block input that a residual block keeps alive for its add, which the live count includes. The other three start from live: in-place depthwise and patch-based execution change how the network runs so that less is alive at once (patch-based pays in extra MACs), and the arena adds what a real allocator pays on top of live: alignment, kernel scratch and gaps.';

// "576 B" below 1 KB, "1.25 KB" above: arena − live is often a few hundred bytes.
export function formatSmallBytes(bytes) {
  return Math.abs(bytes) < 1024 ? `${formatCount(bytes)} B` : formatKB(bytes);
}

function arenaDetail(report) {
  const plan = report.plan;
  if (!plan) return null;
  return `Here arena − live = ${formatSmallBytes(plan.overhead_bytes)}: ${formatSmallBytes(plan.alignment_and_scratch_bytes)} of alignment and kernel scratch (${plan.kernels} kernels), ${formatSmallBytes(plan.fragmentation_bytes)} of fragmentation.`;
}

// "after conv3 on a 4×4 grid" or "layer by layer".
export function describeSchedule({ split_op: splitOp, split_after: after, grid }) {
  return splitOp > 0 ? `after ${after} (op ${splitOp}) on a ${grid}×${grid} grid` : 'layer by layer (no patches)';
}

// 0.0446 → "+4.46%"
export function formatPercentChange(ratio) {
  return `${ratio < 0 ? '−' : '+'}${(Math.abs(ratio) * 100).toFixed(2)}%`;
}

// "+2.84 M MACs (+4.46%)"
export function formatExtraMacs(extraMacs, ratio) {
  return `${extraMacs < 0 ? '−' : '+'}${formatShortCount(Math.abs(extraMacs))} MACs (${formatPercentChange(ratio)})`;
}

function patchDetail(report) {
  const patch = report.patch;
  if (!patch) return null;
  const how = patch.chosen_by === 'options'
    ? 'as chosen below'
    : `the search's choice under a ${Math.round(patch.max_extra_macs_ratio * 100)}% MAC limit`;
  const extra = patch.split_op > 0 ? `, ${formatExtraMacs(patch.extra_macs, patch.extra_macs_ratio)}` : '';
  return `Here: ${describeSchedule(patch)}${extra}, ${how}.`;
}

// "is 12% below the live peak", "is <1% above the live peak", "matches the live peak".
export function relationToLive(bytes, live) {
  if (bytes === live) return 'matches the live peak';
  const percent = Math.abs(bytes / live - 1) * 100;
  const amount = percent < 1 ? '<1%' : `${Math.round(percent)}%`;
  return `is ${amount} ${bytes < live ? 'below' : 'above'} the live peak`;
}

const SHORT_NAMES = {
  lecture_in_out: 'the lecture\'s input + output estimate',
  lecture_consecutive: 'the lecture\'s consecutive outputs estimate',
  inplace_depthwise: 'in-place depthwise',
  arena: 'the planned arena',
  patch: 'patch-based execution',
};

const NUMBER_WORDS = { 2: 'two', 3: 'three', 4: 'four', 5: 'five', 6: 'six' };

// One sentence on how every other estimator compares with the live peak for this report.
export function comparedWithLive(peakBytes) {
  const live = peakBytes.live;
  const others = ESTIMATORS.filter(({ key }) => key !== 'live' && peakBytes[key] !== undefined);
  if (others.every(({ key }) => peakBytes[key] === live)) {
    const count = others.length + 1;
    return `For this network all ${NUMBER_WORDS[count] ?? count} agree.`;
  }
  const parts = others.map(({ key }) => `${SHORT_NAMES[key]} ${relationToLive(peakBytes[key], live)}`);
  return `For this network, ${parts.join('; ')}.`;
}

// The estimator the MCU verdict is judged by.
export const VERDICT_ESTIMATOR = 'live';
