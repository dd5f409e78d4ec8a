// The search's best networks, best first, each with "Open in editor"; when nothing fits,
// the nearest misses instead, each with the constraints it fails and by how much.

import { formatCount, formatKB } from '../model/format.js';
import { choicesText, failureText } from '../model/nas_run.js';
import { el, fill } from './dom.js';

const HEAD = ['#', 'MACs', 'Params', 'Flash', 'Peak SRAM', 'Knobs', 'Found in', ''];

export class NasTable {
  #root;
  #onOpen;

  // onOpen(candidate): "Open in editor" was clicked.
  constructor(root, { onOpen }) {
    this.#root = root;
    this.#onOpen = onOpen;
  }

  // candidates: best first; misses: true when they are nearest misses (nothing fits).
  update(candidates, { misses = false } = {}) {
    if (candidates.length === 0) {
      fill(this.#root);
      return;
    }
    const rows = candidates.map((candidate, index) => el('tr', { dataset: { rank: String(index + 1) } },
      el('td', { className: 'num' }, String(index + 1)),
      el('td', { className: 'num', dataset: { field: 'macs' } }, formatCount(candidate.macs)),
      el('td', { className: 'num', dataset: { field: 'params' } }, formatCount(candidate.params)),
      el('td', { className: 'num', dataset: { field: 'flash' } }, formatKB(candidate.flash_bytes)),
      el('td', { className: 'num', dataset: { field: 'peak' } }, formatKB(candidate.peak_bytes)),
      el('td', { className: 'knobs' }, choicesText(candidate.choices),
        misses ? el('ul', { className: 'nas-failures' }, candidate.failed.map((failure) => el('li', {}, failureText(failure)))) : null),
      el('td', {}, candidate.found_in === 'evolution' ? 'evolution' : 'space opt.'),
      el('td', {}, el('button', { type: 'button', className: 'link nas-open', onclick: () => this.#onOpen(candidate) }, 'Open in editor')),
    ));
    fill(this.#root, el('table', { className: `data-table nas-table${misses ? ' misses' : ''}` },
      el('thead', {}, el('tr', {}, HEAD.map((label, index) => el('th', { scope: 'col', className: index >= 1 && index <= 4 ? 'num' : '' }, label)))),
      el('tbody', {}, rows)));
  }
}
