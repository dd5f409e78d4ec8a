// The patch-based trade-off (report.patch.tradeoff): peak SRAM against the extra MACs
// the halos cost, one point per schedule on the Pareto front, the shown schedule marked,
// the search's MAC limit as a vertical line and the MCU's SRAM as a horizontal one when
// in range. Clicking a point chooses that schedule.
//
// Large grids can cost several times the network's MACs, which would squeeze the part
// of the curve that matters (up to the limit) against the axis; the chart then opens
// zoomed to ZOOM_LIMITS × the limit, says how many points lie beyond, and offers the
// whole curve.

import { niceStep } from '../model/arena.js';
import { formatKB, toKB } from '../model/format.js';
import { tradeoffPoint } from '../model/patch.js';
import { Chart, COLORS } from './chart_setup.js';
import { el, fill } from './dom.js';

const CURVE_COLOR = '#2563eb';
const CHOSEN_COLOR = '#dc2626';
const LIMIT_COLOR = '#94a3b8';
const ZOOM_LIMITS = 3;

// An axis from 0 (or below, for negative values) to `value` rounded up to a round
// step: 407 → {max: 450, stepSize: 50}.
function niceAxis(value, low = 0) {
  const stepSize = niceStep(Math.max(value, -low), 10);
  return { min: Math.floor(Math.min(0, low) / stepSize) * stepSize, max: Math.ceil(value / stepSize) * stepSize, stepSize };
}

export class TradeoffChart {
  #chart;
  #points = [];
  #zoomNote;
  #zoomed = true;
  #report = null;

  // canvas: the chart's; zoomNote: an element for the line on points beyond the zoom;
  // onChoose(choice): a point was clicked ("SPLIT:GRID").
  constructor(canvas, zoomNote, { onChoose }) {
    this.#zoomNote = zoomNote;
    this.#chart = new Chart(canvas, {
      type: 'line',
      data: {
        datasets: [
          {
            label: 'Lowest peak for its extra MACs (Pareto front)', data: [], borderColor: CURVE_COLOR,
            backgroundColor: CURVE_COLOR, pointRadius: 3.5, pointHoverRadius: 6, borderWidth: 1.5, order: 1,
          },
          {
            label: 'Shown schedule', data: [], borderColor: CHOSEN_COLOR, backgroundColor: CHOSEN_COLOR,
            pointStyle: 'rectRot', pointRadius: 8, pointHoverRadius: 9, showLine: false, order: 0,
          },
          {
            label: 'MAC limit of the search', data: [], borderColor: LIMIT_COLOR, borderDash: [5, 4],
            borderWidth: 1.5, pointRadius: 0, pointHoverRadius: 0, order: 2,
          },
        ],
      },
      options: {
        parsing: false,
        interaction: { mode: 'nearest', intersect: true },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'Extra MACs (% of the network\'s MACs)' } },
          y: { beginAtZero: true, title: { display: true, text: 'Peak SRAM (KB)' } },
        },
        plugins: {
          legend: { position: 'top', align: 'start', labels: { sort: (a, b) => a.datasetIndex - b.datasetIndex } },
          tooltip: {
            filter: (item) => item.datasetIndex < 2,
            callbacks: { label: (item) => item.raw.label },
          },
          capacityLines: { lines: [] },
        },
        onHover: (event, elements) => {
          if (event.native?.target) event.native.target.style.cursor = elements.some((element) => element.datasetIndex === 0) ? 'pointer' : '';
        },
        onClick: (_event, elements) => {
          const hit = elements.find((element) => element.datasetIndex === 0);
          if (hit) onChoose(this.#points[hit.index].choice);
        },
      },
    });
  }

  update(report) {
    this.#report = report;
    const patch = report.patch;
    const chart = this.#chart;
    this.#points = patch.tradeoff.map((point) => tradeoffPoint(point, report.layers));
    const chosen = tradeoffPoint(patch, report.layers);
    const [curve, marked, limit] = chart.data.datasets;
    curve.data = this.#points;
    marked.data = [chosen];
    const highest = Math.max(...[...this.#points, chosen].map((point) => point.y));
    // The SRAM line is drawn when it is no more than 1.5× the highest point.
    const sram = report.mcu?.sram_bytes;
    const sramInRange = sram !== undefined && toKB(sram) <= highest * 1.5;
    const yAxis = niceAxis(Math.max(highest, sramInRange ? toKB(sram) : 0) * 1.06);
    const top = yAxis.max;
    chart.options.scales.y.max = top;
    chart.options.scales.y.ticks = { stepSize: yAxis.stepSize };
    chart.options.plugins.capacityLines.lines = sramInRange
      ? [{ value: toKB(sram), label: `${report.mcu.name} SRAM (${formatKB(sram)})`, color: COLORS.selectedLine, width: 2 }]
      : [];

    const limitPercent = patch.max_extra_macs_ratio * 100;
    limit.label = `MAC limit of the search (+${Math.round(limitPercent)}%)`;
    limit.data = [{ x: limitPercent, y: 0 }, { x: limitPercent, y: top }];
    const xs = [...this.#points, chosen].map((point) => point.x);
    const zoomTo = Math.max(limitPercent * ZOOM_LIMITS, chosen.x * 1.05);
    const beyond = this.#points.filter((point) => point.x > zoomTo);
    const zoom = this.#zoomed && beyond.length > 0;
    const xAxis = niceAxis(zoom ? zoomTo : Math.max(limitPercent, ...xs) * 1.05, Math.min(0, ...xs));
    Object.assign(chart.options.scales.x, { min: xAxis.min, max: xAxis.max });
    chart.update();
    this.#showZoomNote(beyond, zoom);
  }

  #showZoomNote(beyond, zoom) {
    const toggle = el('button', { type: 'button', className: 'link', onclick: () => {
      this.#zoomed = !this.#zoomed;
      this.update(this.#report);
    } }, zoom ? 'Show the whole curve' : 'Zoom to the limit');
    const last = beyond.at(-1);
    fill(this.#zoomNote, beyond.length === 0 ? null : zoom
      ? [`${beyond.length} more point${beyond.length > 1 ? 's' : ''} to the right, up to ${last.figures}. `, toggle]
      : [toggle]);
  }
}
