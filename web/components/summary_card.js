// The summary: the fit verdict with its margins, the counts, and need-vs-capacity meters.

import { formatCount, formatKB, formatMargin, formatPercent, formatShortCount, formatSize } from '../model/format.js';
import { modelSizes, verdictOf } from '../model/verdict.js';
import { el, fill } from './dom.js';

function metric(label, value, note) {
  return el('div', { className: 'metric' },
    el('dt', {}, label),
    el('dd', {}, el('span', { className: 'value' }, value), note ? el('span', { className: 'note' }, note) : null));
}

// need vs capacity: a bar filled to need/capacity (capped), red past 100%.
function meter(label, { need, capacity, fits }) {
  const fill = Math.min(1, need / capacity);
  return el('div', { className: `meter ${fits ? 'fits' : 'fails'}` },
    el('div', { className: 'meter-label' },
      el('span', {}, label),
      el('span', { className: 'meter-figures' }, `${formatSize(need)} of ${formatSize(capacity)} · ${formatPercent(need, capacity)}`)),
    el('div', { className: 'meter-track' }, el('div', { className: 'meter-fill', style: `width: ${(fill * 100).toFixed(1)}%` })));
}

function verdictBanner(verdict) {
  if (!verdict) return el('div', { className: 'verdict none' }, el('strong', {}, 'No MCU chosen'));
  const { fits, mcu, sram, flash } = verdict;
  return el('div', { className: `verdict ${fits ? 'fits' : 'fails'}`, dataset: { testid: 'verdict' } },
    el('strong', {}, fits ? 'FITS' : 'DOES NOT FIT'),
    el('span', { className: 'verdict-mcu' }, mcu.name),
    el('span', { className: 'verdict-margins' },
      `Peak SRAM ${formatMargin(sram.margin, 'SRAM')}; model ${formatMargin(flash.margin, 'flash')}.`));
}

export class SummaryCard {
  #root;

  constructor(root) {
    this.#root = root;
  }

  update(report) {
    const verdict = verdictOf(report);
    const sizes = modelSizes(report);
    fill(this.#root,
      verdictBanner(verdict),
      el('dl', { className: 'metrics' },
        metric('Params', formatCount(report.params)),
        metric('MACs', formatCount(report.macs), formatShortCount(report.macs)),
        metric('Model size, int8', formatKB(sizes.int8), 'params × 1 byte'),
        metric('Model size, fp32', formatKB(sizes.fp32), 'params × 4 bytes'),
        metric(`Peak SRAM (${verdict?.estimator ?? 'live'}, ${report.precision})`, formatKB(report.peak_bytes.live),
          report.peak_at?.live ? `at ${report.peak_at.live}` : null)),
      verdict ? el('div', { className: 'meters' },
        meter(`Peak SRAM vs ${verdict.mcu.name} SRAM`, verdict.sram),
        meter(`Model (${report.precision}) vs flash`, verdict.flash)) : null,
    );
  }
}
