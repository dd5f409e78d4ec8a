// The lecture's typed model figures beside the computed ones (rows from lectureComparison).

import { formatMB, formatSize } from '../model/format.js';
import { el, fill } from './dom.js';

function sizeCell(bytes) {
  return el('td', { className: 'num' }, bytes === undefined ? '—' : formatSize(bytes));
}

// The lecture's figures in its own unit, as typed.
function lectureCell(bytes) {
  return el('td', { className: 'num lecture' }, formatMB(bytes));
}

export class LectureTable {
  #body;

  constructor(table) {
    this.#body = table.tBodies[0];
  }

  update(rows) {
    fill(this.#body, ...rows.map((row) => el('tr', {},
      el('th', { scope: 'row' }, row.name, row.preset ? null : el('span', { className: 'muted' }, ' (no preset)')),
      lectureCell(row.lecture.size_bytes),
      sizeCell(row.fp32?.size_bytes),
      sizeCell(row.int8?.size_bytes),
      lectureCell(row.lecture.peak_bytes),
      sizeCell(row.fp32?.peak_bytes),
      sizeCell(row.int8?.peak_bytes),
    )));
  }
}
