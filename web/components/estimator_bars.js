// The peak-SRAM estimators side by side: one bar each on a shared scale, the MCU's SRAM
// as a line across them, and a sentence on what each counts. The lecture's two
// estimates come first, under their own heading, then the four the core computes.

import { comparedWithLive, ESTIMATORS, GROUP_TITLES, WHY_THEY_DIFFER } from '../model/estimators.js';
import { formatKB } from '../model/format.js';
import { el, fill } from './dom.js';

function estimatorRow({ key, label, counts, detail }, report, percent, sram) {
  const bytes = report.peak_bytes[key];
  const over = sram !== undefined && bytes > sram;
  const extra = detail?.(report);
  return el('div', { className: 'estimator', dataset: { estimator: key, bytes: String(bytes) } },
    el('div', { className: 'estimator-head' },
      el('span', { className: 'estimator-label' }, label, el('code', {}, key)),
      el('span', { className: 'estimator-value' }, formatKB(bytes),
        report.peak_at?.[key] ? el('span', { className: 'note' }, ` at ${report.peak_at[key]}`) : null)),
    el('div', { className: 'estimator-track' },
      el('div', { className: `estimator-fill ${over ? 'fails' : 'fits'}`, style: `width: ${percent(bytes)}` }),
      sram !== undefined ? el('div', { className: 'sram-line', style: `left: ${percent(sram)}` }) : null),
    el('p', { className: 'estimator-counts' }, counts,
      extra ? el('span', { className: 'estimator-detail' }, ' ', extra) : null));
}

export class EstimatorBars {
  #root;

  constructor(root) {
    this.#root = root;
  }

  update(report) {
    const sram = report.mcu?.sram_bytes;
    const shown = ESTIMATORS.filter(({ key }) => report.peak_bytes[key] !== undefined);
    const scale = Math.max(sram ?? 0, ...shown.map(({ key }) => report.peak_bytes[key])) * 1.05;
    const percent = (bytes) => `${((100 * bytes) / scale).toFixed(2)}%`;
    const groups = Object.entries(GROUP_TITLES).map(([group, title]) => {
      const rows = shown.filter((estimator) => estimator.group === group);
      return rows.length ? el('div', { className: 'estimator-group' },
        el('h3', {}, title),
        rows.map((estimator) => estimatorRow(estimator, report, percent, sram))) : null;
    });
    fill(this.#root,
      ...groups,
      sram !== undefined ? el('p', { className: 'legend-line' }, el('span', { className: 'sram-swatch' }),
        `${report.mcu.name} SRAM: ${formatKB(sram)}`) : null,
      el('p', { className: 'why' }, WHY_THEY_DIFFER, ' ', el('strong', {}, comparedWithLive(report.peak_bytes))),
    );
  }
}
