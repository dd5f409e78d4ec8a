// "Memory usage through the network", the lecture's part-2 plot, live: input and output
// of every op as bars, input + output and the live bytes as lines, and the MCU's SRAM
// as a horizontal line.

import { formatKB, kbNumber, toKB } from '../model/format.js';
import { Chart, COLORS } from './chart_setup.js';

export class MemoryChart {
  #chart;

  constructor(canvas) {
    this.#chart = new Chart(canvas, {
      data: {
        labels: [],
        datasets: [
          { type: 'bar', label: 'Input', backgroundColor: COLORS.input, data: [], order: 2 },
          { type: 'bar', label: 'Output', backgroundColor: COLORS.output, data: [], order: 2 },
          {
            type: 'line', label: 'Input + output', borderColor: COLORS.inOut, backgroundColor: COLORS.inOut,
            data: [], pointRadius: 3, borderWidth: 2, order: 0,
          },
          {
            // A light fill keeps the legend swatch an outlined (dashed) box, like the line.
            type: 'line', label: 'Live (true peak)', borderColor: COLORS.live, backgroundColor: 'rgba(51, 65, 85, 0.12)',
            pointBackgroundColor: COLORS.live,
            data: [], pointRadius: 2.5, pointStyle: 'rect', borderWidth: 1.5, borderDash: [4, 3], order: 1,
          },
        ],
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { ticks: { autoSkip: true, maxRotation: 60, minRotation: 0 }, grid: { display: false } },
          y: { beginAtZero: true, title: { display: true, text: 'Memory (KB)' } },
        },
        plugins: {
          legend: { position: 'top', align: 'start', labels: { sort: (a, b) => a.datasetIndex - b.datasetIndex } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${kbNumber(item.raw * 1024)} KB` } },
          capacityLines: { lines: [] },
        },
      },
    });
  }

  update(report) {
    const layers = report.layers;
    const chart = this.#chart;
    chart.data.labels = layers.map((layer) => layer.name);
    chart.data.datasets[0].data = layers.map((layer) => toKB(layer.in_bytes));
    chart.data.datasets[1].data = layers.map((layer) => toKB(layer.out_bytes));
    chart.data.datasets[2].data = layers.map((layer) => toKB(layer.in_bytes + layer.out_bytes));
    chart.data.datasets[3].data = layers.map((layer) => toKB(layer.live_bytes ?? 0));
    chart.data.datasets[3].hidden = !layers.some((layer) => layer.live_bytes !== undefined);

    const mcu = report.mcu;
    const lines = mcu
      ? [{ value: toKB(mcu.sram_bytes), label: `${mcu.name} SRAM (${formatKB(mcu.sram_bytes)})`, color: COLORS.selectedLine, width: 2 }]
      : [];
    chart.options.plugins.capacityLines.lines = lines;
    // Keep the SRAM line in view even when the network is far below it.
    chart.options.scales.y.suggestedMax = mcu ? toKB(mcu.sram_bytes) * 1.08 : undefined;
    chart.update();
  }
}
