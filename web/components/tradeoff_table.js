// The trade-off curve's points as a table under the chart (a canvas is neither readable
// by a screen reader nor usable from the keyboard): one row per schedule on the front,
// the shown one marked, each with a button that shows it.

import { formatKB } from '../model/format.js';
import { formatPercentChange } from '../model/estimators.js';
import { formatPatchChoice, scheduleLabel } from '../model/patch.js';
import { el, fill } from './dom.js';

export class TradeoffTable {
  #body;
  #onChoose;

  // root: a <details>; onChoose(choice): a row's button was pressed ("SPLIT:GRID").
  constructor(root, { onChoose }) {
    this.#onChoose = onChoose;
    this.#body = el('tbody');
    fill(root,
      el('summary', {}, 'The curve\'s points as a table'),
      el('table', { className: 'data-table compact tradeoff-table' },
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, 'Schedule'), el('th', { scope: 'col', className: 'num' }, 'Peak SRAM'),
          el('th', { scope: 'col', className: 'num' }, 'Extra MACs'), el('th', { scope: 'col' }, ''))),
        this.#body));
  }

  update(report) {
    const patch = report.patch;
    const shown = formatPatchChoice(patch.split_op, patch.grid);
    fill(this.#body, patch.tradeoff.map((point) => {
      const choice = formatPatchChoice(point.split_op, point.grid);
      const after = point.split_op > 0 ? report.layers[point.split_op - 1]?.name : null;
      return el('tr', { className: choice === shown ? 'peak' : '', dataset: { choice } },
        el('td', {}, scheduleLabel({ ...point, split_after: after })),
        el('td', { className: 'num' }, formatKB(point.peak_bytes)),
        el('td', { className: 'num' }, formatPercentChange(point.extra_macs_ratio)),
        el('td', {}, choice === shown ? el('span', { className: 'note' }, 'shown')
          : el('button', { type: 'button', className: 'link', onclick: () => this.#onChoose(choice) }, 'Show')));
    }));
  }
}
