// The lecture's "model vs MCU" gap charts (part 1), from computed reports instead of
// typed-in figures: model size against every MCU's flash and peak SRAM against every
// MCU's SRAM, on log axes. The lecture's own figures stand beside as grey bars.

import { capacityLines } from '../model/gap.js';
import { formatCount, formatSize, toKB } from '../model/format.js';
import { Chart, COLORS, labelsWidth } from './chart_setup.js';

const Y_AXIS_WIDTH_PX = 96;

// Log axis ticks only at powers of ten, in KB: "100 KB", "10,000 KB".
function powerOfTenTick(value) {
  const exponent = Math.log10(value);
  return Math.abs(exponent - Math.round(exponent)) < 1e-9 ? `${formatCount(value)} KB` : '';
}

// The computed bars are coloured per bar, so the legend says what the colours mean.
function legendLabels(chart) {
  const entry = (text, fillStyle, datasetIndex) =>
    ({ text, fillStyle, strokeStyle: fillStyle, lineWidth: 0, datasetIndex, hidden: !chart.isDatasetVisible(datasetIndex) });
  return [
    entry('Fits the chosen MCU', COLORS.fits, 0),
    entry('Does not fit', COLORS.exceeds, 0),
    entry(chart.data.datasets[1].label, COLORS.lecture, 1),
  ];
}

function logChart(canvas, title) {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: [],
      datasets: [
        { label: 'Computed', data: [], backgroundColor: [], borderColor: [], borderWidth: [] },
        { label: "Lecture's typed figure (fp32)", data: [], backgroundColor: COLORS.lecture },
      ],
    },
    options: {
      scales: {
        x: { grid: { display: false } },
        y: {
          type: 'logarithmic',
          title: { display: true, text: title },
          ticks: { callback: powerOfTenTick },
          // The same axis width in both charts, so that their plots line up.
          afterFit: (scale) => { scale.width = Y_AXIS_WIDTH_PX; },
        },
      },
      layout: { padding: { right: 0 } },
      plugins: {
        legend: { position: 'top', align: 'start', labels: { generateLabels: legendLabels } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${formatSize(item.raw * 1024)}` } },
        capacityLines: { lines: [], labels: 'outside' },
      },
    },
  });
}

// Bounds that keep every bar and every capacity line inside a log axis.
function logBounds(valuesKB) {
  const positive = valuesKB.filter((value) => value > 0);
  return { min: 10 ** Math.floor(Math.log10(Math.min(...positive))), max: 10 ** Math.ceil(Math.log10(Math.max(...positive))) };
}

// A capacity line ({bytes, names}) as the chart plugin draws it; the chosen MCU's stands out.
function lineStyle({ bytes, names }, selectedBytes) {
  const selected = bytes === selectedBytes;
  return {
    value: toKB(bytes),
    label: `${names.join(', ')} · ${formatSize(bytes)}`,
    color: selected ? COLORS.selectedLine : COLORS.line,
    width: selected ? 2 : 1,
  };
}

export class GapCharts {
  #size;
  #peak;

  constructor(sizeCanvas, peakCanvas) {
    this.#size = logChart(sizeCanvas, 'Size (KB)');
    this.#peak = logChart(peakCanvas, 'Peak memory (KB)');
  }

  // rows: gapRows(); mcus: the catalog; selected: the chosen MCU's report entry (or null).
  update(rows, mcus, selected) {
    const size = capacityLines(mcus, 'flash_bytes').map((line) => lineStyle(line, selected?.flash_bytes));
    const peak = capacityLines(mcus, 'sram_bytes').map((line) => lineStyle(line, selected?.sram_bytes));
    // One label gutter for both, so that their plots line up.
    const gutter = labelsWidth(this.#size, [...size, ...peak].map((line) => line.label)) + 12;
    this.#draw(this.#size, rows, 'size_bytes', size, selected?.flash_bytes, gutter);
    this.#draw(this.#peak, rows, 'peak_bytes', peak, selected?.sram_bytes, gutter);
  }

  #draw(chart, rows, field, lines, selectedBytes, gutter) {
    const [computed, lecture] = chart.data.datasets;
    chart.data.labels = rows.map((row) => row.label);
    computed.data = rows.map((row) => toKB(row[field]));
    computed.backgroundColor = rows.map((row) =>
      selectedBytes === undefined || row[field] <= selectedBytes ? COLORS.fits : COLORS.exceeds);
    computed.borderColor = rows.map((row) => (row.current ? '#0f172a' : 'transparent'));
    computed.borderWidth = rows.map((row) => (row.current ? 2 : 0));
    lecture.data = rows.map((row) => (row.lecture ? toKB(row.lecture[field]) : null));

    chart.options.plugins.capacityLines.lines = lines;
    const { min, max } = logBounds([...computed.data, ...lecture.data.filter(Boolean), ...lines.map((line) => line.value)]);
    chart.options.scales.y.min = min;
    chart.options.scales.y.max = max;
    chart.options.layout.padding.right = gutter;
    chart.update();
  }
}
