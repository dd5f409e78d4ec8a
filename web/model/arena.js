// The arena plan (report.plan, docs/report-format.md) as a memory diagram needs: axis
// ticks in ops and KB, the buffers' op ranges and a description of each. No DOM.

import { formatCount, formatKB, kbNumber } from './format.js';

// A step from {1, 2, 2.5, 5, 10} × 10^k that cuts `range` into about `count` parts.
export function niceStep(range, count) {
  if (!(range > 0)) return 1;
  const rough = range / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 2.5, 5, 10].find((multiple) => multiple * power >= rough * (1 - 1e-9)) * power;
}

// Byte offsets of the y-axis ticks: multiples of a round number of KB from 0 to maxBytes.
export function offsetTicks(maxBytes, count = 5) {
  const stepKB = niceStep(maxBytes / 1024, count);
  const ticks = [];
  for (let kb = 0; kb * 1024 <= maxBytes * (1 + 1e-9); kb += stepKB) ticks.push(kb * 1024);
  return ticks;
}

// Op indices of the x-axis ticks: every 1, 2, 5, 10, 20, 50, … ops, at most ~maxTicks.
export function opTicks(opCount, maxTicks = 12) {
  const steps = [1, 2, 5, 10, 20, 50, 100, 200, 500];
  const step = steps.find((candidate) => opCount / candidate <= maxTicks) ?? 1000;
  const ticks = [];
  for (let op = 0; op < opCount; op += step) ticks.push(op);
  return ticks;
}

// "128 KB": a tick label, no decimals unless the step needs them.
export function tickLabel(bytes) {
  const kb = bytes / 1024;
  return `${Number.isInteger(kb) ? formatCount(kb) : kbNumber(bytes)} KB`;
}

// What the tooltip says about one buffer: its name, size, where it sits and how long.
export function describeBuffer(buffer, layers) {
  const opName = (index) => layers?.[index]?.name ?? `op ${index}`;
  const lifetime = buffer.first_op === buffer.last_op
    ? `during op ${buffer.first_op} (${opName(buffer.first_op)})`
    : `ops ${buffer.first_op}–${buffer.last_op} (${opName(buffer.first_op)} → ${opName(buffer.last_op)})`;
  const padded = buffer.aligned_bytes !== buffer.bytes ? `, ${formatCount(buffer.aligned_bytes)} aligned` : '';
  return {
    title: buffer.kind === 'scratch' ? `${buffer.name} (kernel scratch)` : buffer.name,
    size: `${formatKB(buffer.bytes)} (${formatCount(buffer.bytes)} bytes${padded})`,
    place: `offset ${formatKB(buffer.offset)} – ${formatKB(buffer.offset + buffer.aligned_bytes)}`,
    lifetime: `alive ${lifetime}`,
  };
}

// The top of the diagram's y axis, and whether the MCU's SRAM line is drawn: it is when
// it is no more than `reach` × the arena (so a far larger SRAM does not flatten the plan).
export function offsetRange(plan, sramBytes, reach = 1.5) {
  const showSram = sramBytes !== undefined && sramBytes <= plan.arena_bytes * reach;
  const top = Math.max(plan.arena_bytes, showSram ? sramBytes : 0) * 1.04;
  return { top: top > 0 ? top : 1024, showSram };
}
