// TinyNAS step 1, search-space optimisation: for each (width, resolution) pair, the CDF
// of the MACs of its sampled networks that fit. The chosen pair (largest mean MACs) is
// drawn thick and coloured, the others thin and grey; a curve further right holds more
// capacity under the same memory budget.

import { formatCount, formatShortCount } from '../model/format.js';
import { cdfCurves } from '../model/nas_run.js';
import { Chart } from './chart_setup.js';
import { decadeTicks } from './nas_scatter.js';

const CHOSEN = '#dc2626';
const OTHER = 'rgba(100, 116, 139, 0.45)';

export class NasCdfChart {
  #chart;

  constructor(canvas) {
    this.#chart = new Chart(canvas, {
      type: 'line',
      data: { datasets: [] },
      options: {
        parsing: false,
        interaction: { mode: 'nearest', intersect: false },
        scales: {
          x: { type: 'logarithmic', title: { display: true, text: 'MACs of the fitting samples (log)' },
            ticks: { maxRotation: 0, callback: decadeTicks((value) => formatShortCount(value).replace('.00', '')) } },
          y: { min: 0, max: 1, title: { display: true, text: 'Fraction of fitting samples ≤ x' } },
        },
        plugins: {
          legend: { position: 'top', align: 'start', labels: { filter: (item, data) => data.datasets[item.datasetIndex].chosen } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${formatCount(item.raw.x)} MACs, ${(item.raw.y * 100).toFixed(0)}%` } },
        },
      },
    });
  }

  // spaceOptimisation: the result's space_optimisation list. Returns the curves drawn.
  update(spaceOptimisation) {
    const curves = cdfCurves(spaceOptimisation);
    // The chosen curve last, so it is drawn on top.
    curves.sort((a, b) => Number(a.chosen) - Number(b.chosen));
    this.#chart.data.datasets = curves.map((curve) => ({
      label: curve.chosen ? `chosen: ${curve.label} (${curve.fitting}/${curve.sampled} fit)` : `${curve.label} (${curve.fitting}/${curve.sampled} fit)`,
      chosen: curve.chosen,
      data: curve.points,
      stepped: 'after',
      borderColor: curve.chosen ? CHOSEN : OTHER,
      backgroundColor: curve.chosen ? CHOSEN : OTHER,
      borderWidth: curve.chosen ? 3 : 1.2,
      pointRadius: 0,
      order: curve.chosen ? 0 : 1,
    }));
    this.#chart.update('none');
    return curves;
  }

  clear() {
    this.#chart.data.datasets = [];
    this.#chart.update('none');
  }
}
