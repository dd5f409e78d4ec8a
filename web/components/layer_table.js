// The lecture's "layer-by-layer memory analysis", for every op of any network:
// name, type, shapes, input/output/weight KB, params, MACs, and the bytes alive at the op.

import { formatCount, formatShape, kbNumber } from '../model/format.js';
import { el, fill } from './dom.js';

const num = (text) => el('td', { className: 'num' }, text);

export class LayerTable {
  #body;
  #foot;
  #onSelect;

  // onSelect(layer): a row was clicked (the page shows its source in the editor).
  constructor(table, { onSelect = () => {} } = {}) {
    this.#body = table.tBodies[0];
    this.#foot = table.tFoot;
    this.#onSelect = onSelect;
  }

  update(report) {
    const peakAt = report.peak_at?.live;
    fill(this.#body, ...report.layers.map((layer) => el('tr',
      { className: layer.name === peakAt ? 'peak' : '', title: layer.source ?? '', onclick: () => this.#onSelect(layer) },
      el('td', {}, layer.name, layer.name === peakAt ? el('span', { className: 'badge' }, 'peak') : null),
      el('td', { className: 'type' }, layer.type),
      num(formatShape(layer.in_shape)),
      num(formatShape(layer.out_shape)),
      num(kbNumber(layer.in_bytes)),
      num(kbNumber(layer.out_bytes)),
      num(kbNumber(layer.weight_bytes)),
      num(formatCount(layer.params)),
      num(formatCount(layer.macs)),
      num(layer.live_bytes === undefined ? '—' : kbNumber(layer.live_bytes)),
    )));
    const weightBytes = report.layers.reduce((sum, layer) => sum + layer.weight_bytes, 0);
    fill(this.#foot, el('tr', {},
      el('th', { colSpan: 6, scope: 'row' }, `${report.layers.length} ops`),
      num(kbNumber(weightBytes)),
      num(formatCount(report.params)),
      num(formatCount(report.macs)),
      el('td'),
    ));
  }
}
