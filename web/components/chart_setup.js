// Chart.js, registered with only the pieces the page uses, plus a small plugin that
// draws capacity lines (an MCU's SRAM or flash) across the whole plot, labelled.

import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
} from 'chart.js';

const LABEL_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const LABEL_GAP_PX = 13;

// Label positions for lines at pixel heights ys (ascending): each at its line, pushed
// down past the one above when closer than LABEL_GAP_PX, then up if past the bottom.
function spreadLabels(ys, top, bottom) {
  const placed = [];
  for (const y of ys) placed.push(Math.max(y, top, (placed.at(-1) ?? -Infinity) + LABEL_GAP_PX));
  for (let i = placed.length - 1; i >= 0; i--) {
    placed[i] = Math.min(placed[i], i === placed.length - 1 ? bottom : placed[i + 1] - LABEL_GAP_PX);
  }
  return placed;
}

// options.plugins.capacityLines:
//   lines: [{value, label, color, width?}] in the y axis's units, drawn dashed across the plot;
//   labels: 'inside' (right-aligned above the line) or 'outside' (in the right padding,
//   which the chart reserves with layout.padding.right; close lines' labels are spread
//   apart, as a log axis puts 256 KB and 320 KB a few pixels apart).
const capacityLinesPlugin = {
  id: 'capacityLines',
  afterDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea } = chart;
    const lines = (options.lines ?? [])
      .map((line) => ({ ...line, y: chart.scales.y.getPixelForValue(line.value) }))
      .filter((line) => Number.isFinite(line.y) && line.y >= chartArea.top - 1 && line.y <= chartArea.bottom + 1)
      .sort((a, b) => a.y - b.y);
    const outside = options.labels === 'outside';
    const labelYs = outside ? spreadLabels(lines.map((line) => line.y), chartArea.top, chartArea.bottom) : lines.map((line) => line.y - 3);
    ctx.save();
    ctx.font = LABEL_FONT;
    lines.forEach((line, i) => {
      ctx.beginPath();
      ctx.setLineDash([6, 4]);
      ctx.lineWidth = line.width ?? 1.5;
      ctx.strokeStyle = line.color;
      ctx.moveTo(chartArea.left, line.y);
      ctx.lineTo(chartArea.right, line.y);
      ctx.stroke();

      ctx.setLineDash([]);
      ctx.fillStyle = line.color;
      if (outside) {
        ctx.textAlign = 'left';
        ctx.textBaseline = 'middle';
        ctx.fillText(line.label, chartArea.right + 8, labelYs[i]);
      } else {
        ctx.textAlign = 'right';
        ctx.textBaseline = 'bottom';
        ctx.lineWidth = 3;
        ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
        ctx.strokeText(line.label, chartArea.right - 4, labelYs[i]);
        ctx.fillText(line.label, chartArea.right - 4, labelYs[i]);
      }
    });
    ctx.restore();
  },
};

Chart.register(
  BarController, BarElement, CategoryScale, LinearScale, LogarithmicScale,
  LineController, LineElement, PointElement, Legend, Tooltip, capacityLinesPlugin,
);

Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.font.size = 11;
Chart.defaults.color = '#475569';
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.plugins.legend.labels.boxWidth = 12;

export const COLORS = {
  input: '#3b82f6',
  output: '#22c55e',
  inOut: '#ef4444',
  live: '#334155',
  fits: '#22c55e',
  exceeds: '#ef4444',
  lecture: '#cbd5e1',
  line: '#7c8ba1',
  selectedLine: '#b91c1c',
};

// The width in pixels of the widest label, in the font capacity-line labels use.
export function labelsWidth(chart, labels) {
  chart.ctx.save();
  chart.ctx.font = LABEL_FONT;
  const width = Math.max(0, ...labels.map((label) => chart.ctx.measureText(label).width));
  chart.ctx.restore();
  return Math.ceil(width);
}

export { Chart };
