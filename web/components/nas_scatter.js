// The search as it goes: every measured network at (flash, peak SRAM), coloured by the
// objective (MACs), the feasible box (the MCU's limits less the reserves) shaded, the
// Pareto front of the fitting networks ringed and the best one starred. Both axes are
// logarithmic: a space's networks span decades, and the box must stay visible.

import { ScatterController } from 'chart.js';
import { formatCount, formatKB, formatShortCount, kbNumber, toKB } from '../model/format.js';
import { objectiveColor } from '../model/nas_run.js';
import { Chart } from './chart_setup.js';

Chart.register(ScatterController);

// Points drawn at most (evenly spread over the search): Chart.js redraws them all on
// every update, and the page must stay responsive through a 100,000-network search.
const MAX_DRAWN = 4000;
const BOX_FILL = 'rgba(34, 197, 94, 0.10)';
const BOX_EDGE = '#16a34a';

// options.plugins.feasibleBox: {flashKB, sramKB} or null; shades x ≤ flashKB, y ≤ sramKB.
const feasibleBoxPlugin = {
  id: 'feasibleBox',
  beforeDatasetsDraw(chart, _args, options) {
    if (!options.flashKB || !options.sramKB) return;
    const { ctx, chartArea, scales } = chart;
    const right = Math.min(chartArea.right, scales.x.getPixelForValue(options.flashKB));
    const top = Math.max(chartArea.top, scales.y.getPixelForValue(options.sramKB));
    if (!(right > chartArea.left) || !(top < chartArea.bottom)) return;
    ctx.save();
    ctx.fillStyle = BOX_FILL;
    ctx.fillRect(chartArea.left, top, right - chartArea.left, chartArea.bottom - top);
    ctx.strokeStyle = BOX_EDGE;
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = 1.5;
    ctx.strokeRect(chartArea.left, top, right - chartArea.left, chartArea.bottom - top);
    ctx.setLineDash([]);
    ctx.fillStyle = BOX_EDGE;
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText('fits', chartArea.left + 5, top + 4);
    ctx.restore();
  },
};

// A log axis labels 1, 2 and 5 of every decade (the rest crowd each other).
export function decadeTicks(format) {
  return (value) => {
    const mantissa = value / 10 ** Math.floor(Math.log10(value) + 1e-9);
    return [1, 2, 5].some((wanted) => Math.abs(mantissa - wanted) < 1e-6) ? format(value) : '';
  };
}

function xy(point) {
  return { x: toKB(point.flash), y: toKB(point.peak), macs: point.macs, fits: point.fits };
}

export class NasScatter {
  #chart;

  constructor(canvas) {
    this.#chart = new Chart(canvas, {
      type: 'scatter',
      data: {
        datasets: [
          { label: 'Best', data: [], pointStyle: 'star', pointRadius: 11, borderWidth: 2.5, borderColor: '#dc2626', backgroundColor: '#dc2626', order: 0 },
          { label: 'Pareto front (fitting)', data: [], pointStyle: 'circle', pointRadius: 4.5, borderWidth: 1.2, borderColor: 'rgba(15, 23, 42, 0.85)', backgroundColor: 'rgba(0, 0, 0, 0)', order: 1 },
          { label: 'Measured networks (colour: MACs)', data: [], pointRadius: 2.5, borderWidth: 0, backgroundColor: [], order: 2 },
        ],
      },
      options: {
        parsing: false,
        scales: {
          x: { type: 'logarithmic', title: { display: true, text: 'Deployable flash (KB, log)' }, ticks: { callback: decadeTicks(formatCount) } },
          y: { type: 'logarithmic', title: { display: true, text: 'Peak SRAM (KB, log)' }, ticks: { callback: decadeTicks(formatCount) } },
        },
        plugins: {
          legend: { position: 'top', align: 'start' },
          tooltip: {
            callbacks: {
              label: (item) => `flash ${kbNumber(item.raw.x * 1024)} KB, peak ${kbNumber(item.raw.y * 1024)} KB, ` +
                `${formatCount(item.raw.macs)} MACs${item.raw.fits ? '' : ' (does not fit)'}`,
            },
          },
          feasibleBox: {},
        },
      },
      plugins: [feasibleBoxPlugin],
    });
  }

  // run: model/nas_run.js NasRun. Returns the stride of the points drawn (1: all).
  update(run) {
    const chart = this.#chart;
    const [best, front, all] = chart.data.datasets;
    const { points, stride } = run.sample(MAX_DRAWN);
    const low = run.macsLow;
    const high = run.macsHigh;
    all.data = points.map(xy);
    all.backgroundColor = points.map((point) => objectiveColor(Math.max(point.macs, 1), low, high, point.fits ? 0.9 : 0.35));
    front.data = run.front.map(xy);
    best.data = run.best ? [xy({ flash: run.best.flash_bytes, peak: run.best.peak_bytes, macs: run.best.macs, fits: true })] : [];
    const limits = run.limits;
    chart.options.plugins.feasibleBox = limits ? { flashKB: toKB(limits.flash), sramKB: toKB(limits.sram) } : {};
    // Keep the box's corner in view even when every network is far from it.
    chart.options.scales.x.suggestedMax = limits ? toKB(limits.flash) * 1.3 : undefined;
    chart.options.scales.y.suggestedMax = limits ? toKB(limits.sram) * 1.3 : undefined;
    chart.update('none');
    return stride;
  }

  // The box's limits and the colour scale as text, for the caption.
  static caption(run) {
    const limits = run.limits;
    const box = limits ? `Feasible box: flash ≤ ${formatKB(limits.flash)}, peak SRAM ≤ ${formatKB(limits.sram)}. ` : '';
    const colours = run.macsHigh > 0
      ? `Colour: MACs, light blue ${formatShortCount(run.macsLow)} to dark purple ${formatShortCount(run.macsHigh)}; faded points do not fit. ` +
        'Ringed: the Pareto front, fitting networks that no other fitting network beats in flash, peak and MACs at once.'
      : '';
    return box + colours;
  }
}
