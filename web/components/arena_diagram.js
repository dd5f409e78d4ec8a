// The arena plan as the classic memory diagram: ops along x, offset in the arena along
// y, one rectangle per buffer spanning the ops it lives through at its offset and size.
// Lines mark the arena's size (its peak), the live peak and, when in range, the MCU's
// SRAM; hovering a rectangle names the buffer, its size, offset and lifetime.
//
// SVG rather than Chart.js: a buffer is a rectangle over an x range *and* a y range,
// which no Chart.js chart type draws, and one element per buffer makes hover (and the
// tests) exact.

import { describeBuffer, offsetRange, offsetTicks, opTicks, tickLabel } from '../model/arena.js';
import { formatKB } from '../model/format.js';
import { el, fill } from './dom.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const HEIGHT_PX = 320;
const MARGIN = { top: 12, bottom: 40 };
const FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
// Neighbouring tensors get different hues; scratch buffers are amber.
const TENSOR_COLORS = ['#60a5fa', '#34d399', '#a78bfa', '#f472b6', '#22d3ee', '#a3e635', '#818cf8', '#fb7185', '#2dd4bf', '#c084fc'];
const SCRATCH_COLOR = '#f59e0b';
const LINE_COLORS = { arena: '#0f172a', live: '#64748b', sram: '#b91c1c' };

// The width in pixels of the widest text, in the diagram's font (bold for line labels).
function textWidth(texts, bold = false) {
  const context = document.createElement('canvas').getContext('2d');
  context.font = `${bold ? '600 ' : ''}${FONT}`;
  return Math.ceil(Math.max(0, ...texts.map((text) => context.measureText(text).width)));
}

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  node.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return node;
}

export class ArenaDiagram {
  #root;
  #tooltip;
  #report = null;
  #width = 0;

  constructor(root) {
    this.#root = root;
    this.#tooltip = el('div', { className: 'arena-tooltip', role: 'tooltip', hidden: true });
    // Redraw at the new width when the card is resized (the text stays its size).
    new ResizeObserver(() => {
      if (this.#report && this.#root.clientWidth !== this.#width) this.#draw();
    }).observe(root);
  }

  update(report) {
    this.#report = report;
    this.#draw();
  }

  #draw() {
    const report = this.#report;
    const plan = report.plan;
    this.#width = this.#root.clientWidth;
    if (!plan || !plan.buffers.length) {
      fill(this.#root, el('p', { className: 'note' }, 'No arena plan for this network.'));
      return;
    }
    const width = Math.max(this.#width, 360);
    const opCount = report.layers.length;
    const sram = report.mcu?.sram_bytes;
    const { top, showSram } = offsetRange(plan, sram);
    const lines = [
      { key: 'arena', bytes: plan.arena_bytes, label: `arena ${formatKB(plan.arena_bytes)}`, dash: '' },
      { key: 'live', bytes: plan.live_bytes, label: `live ${formatKB(plan.live_bytes)}`, dash: '5 3' },
      showSram ? { key: 'sram', bytes: sram, label: `${report.mcu.name} SRAM ${formatKB(sram)}`, dash: '6 4' } : null,
    ].filter(Boolean);
    // Room at the left for the tick labels and the axis title, at the right for the lines' labels.
    const plot = {
      left: textWidth(offsetTicks(top).map(tickLabel)) + 30,
      right: width - textWidth(lines.map((line) => line.label), true) - 14,
      top: MARGIN.top,
      bottom: HEIGHT_PX - MARGIN.bottom,
    };
    const column = (plot.right - plot.left) / opCount;
    const x = (op) => plot.left + op * column;
    const y = (bytes) => plot.bottom - (bytes / top) * (plot.bottom - plot.top);

    const rects = plan.buffers.map((buffer, index) => svg('rect', {
      class: `buffer ${buffer.kind}`,
      'data-index': index,
      'data-name': buffer.name,
      x: x(buffer.first_op),
      width: (buffer.last_op - buffer.first_op + 1) * column,
      y: y(buffer.offset + buffer.aligned_bytes),
      // A few-byte scratch buffer stays visible (and hoverable) as a hairline.
      height: Math.max(y(buffer.offset) - y(buffer.offset + buffer.aligned_bytes), 0.75),
      fill: buffer.kind === 'scratch' ? SCRATCH_COLOR : TENSOR_COLORS[index % TENSOR_COLORS.length],
    }));

    const chart = svg('svg', {
      class: 'arena-svg', width, height: HEIGHT_PX, viewBox: `0 0 ${width} ${HEIGHT_PX}`,
      role: 'img', 'aria-label': `Arena plan: ${plan.buffers.length} buffers in ${formatKB(plan.arena_bytes)}`,
    },
    this.#yAxis(plot, top, y),
    this.#xAxis(plot, opCount, x, column),
    svg('g', { class: 'buffers' }, rects),
    this.#lines(plot, lines, y));

    chart.addEventListener('mousemove', (event) => this.#hover(event));
    chart.addEventListener('mouseleave', () => this.#hover(null));
    fill(this.#root, chart, this.#tooltip);
    this.#tooltip.hidden = true;
  }

  #yAxis(plot, top, y) {
    const ticks = offsetTicks(top);
    return svg('g', { class: 'axis y-axis' },
      ticks.map((bytes) => svg('g', {},
        svg('line', { x1: plot.left - 4, x2: plot.right, y1: y(bytes), y2: y(bytes), class: bytes ? 'grid' : 'baseline' }),
        svg('text', { x: plot.left - 7, y: y(bytes), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, tickLabel(bytes)))),
      svg('text', {
        class: 'axis-title', transform: `translate(12 ${(plot.top + plot.bottom) / 2}) rotate(-90)`, 'text-anchor': 'middle',
      }, 'offset in the arena'));
  }

  #xAxis(plot, opCount, x, column) {
    return svg('g', { class: 'axis x-axis' },
      opTicks(opCount).map((op) => svg('g', {},
        svg('line', { x1: x(op) + column / 2, x2: x(op) + column / 2, y1: plot.bottom, y2: plot.bottom + 4 }),
        svg('text', { x: x(op) + column / 2, y: plot.bottom + 15, 'text-anchor': 'middle' }, String(op)))),
      svg('text', { class: 'axis-title', x: (plot.left + plot.right) / 2, y: plot.bottom + 33, 'text-anchor': 'middle' },
        `op (execution order, ${opCount} ops)`));
  }

  // Labels sit in the right margin, pushed apart when lines are close (arena ≈ live).
  #lines(plot, lines, y) {
    const sorted = [...lines].sort((a, b) => b.bytes - a.bytes);
    let lastLabelY = -Infinity;
    return svg('g', { class: 'peak-lines' }, sorted.map((line) => {
      const lineY = y(line.bytes);
      const labelY = Math.max(lineY, lastLabelY + 13);
      lastLabelY = labelY;
      return svg('g', { class: `peak-line ${line.key}`, 'data-line': line.key },
        svg('line', { x1: plot.left, x2: plot.right, y1: lineY, y2: lineY, stroke: LINE_COLORS[line.key], 'stroke-dasharray': line.dash }),
        svg('text', { x: plot.right + 6, y: labelY, fill: LINE_COLORS[line.key], 'dominant-baseline': 'middle' }, line.label));
    }));
  }

  #hover(event) {
    const target = event?.target;
    const index = target?.classList?.contains('buffer') ? Number(target.dataset.index) : -1;
    this.#root.querySelector('rect.buffer.hovered')?.classList.remove('hovered');
    if (index < 0) {
      this.#tooltip.hidden = true;
      return;
    }
    target.classList.add('hovered');
    const { title, size, place, lifetime } = describeBuffer(this.#report.plan.buffers[index], this.#report.layers);
    fill(this.#tooltip, el('strong', {}, title), el('span', {}, size), el('span', {}, place), el('span', {}, lifetime));
    this.#tooltip.hidden = false;
    // Beside the pointer, flipped left and up when it would leave the diagram.
    const box = this.#root.getBoundingClientRect();
    const left = event.clientX - box.left + 14;
    const top = event.clientY - box.top + 14;
    const { offsetWidth: width, offsetHeight: height } = this.#tooltip;
    this.#tooltip.style.left = `${left + width > box.width ? left - width - 28 : left}px`;
    this.#tooltip.style.top = `${top + height > box.height ? top - height - 28 : top}px`;
  }
}
