// The search's best networks, best first, each with "Open in editor"; when nothing fits,
// the nearest misses instead, each with the constraints it fails and by how much.

import { formatCount, formatKB } from '../model/format.js';
import { choicesText, failureText } from '../model/nas_run.js';
import { el, fill } from './dom.js';

const HEAD = ['#', 'MACs', 'Params', 'Flash', 'Peak SRAM', 'Knobs', 'Found in', ''];
// Ranked by measured accuracy (issue 6): these columns come after '#'.
const ACCURACY_HEAD = ['Float acc.', 'Int8 acc.', 'Int8 drop', 'MAC rank', 'Took (est.)'];
const percent = (value) => (value == null ? '–' : `${value.toFixed(2)}%`);

function accuracyCells(accuracy) {
  return [
    el('td', { className: 'num', dataset: { field: 'float' } }, percent(accuracy.float_percent)),
    el('td', { className: 'num', dataset: { field: 'int8' } }, percent(accuracy.int8_percent)),
    el('td', { className: 'num', dataset: { field: 'drop' } }, accuracy.drop_points == null ? '–' : `${accuracy.drop_points.toFixed(2)} pt`),
    el('td', { className: 'num', dataset: { field: 'macRank' } }, String(accuracy.mac_rank)),
    el('td', { className: 'num', dataset: { field: 'seconds' } },
      `${accuracy.seconds == null ? '–' : `${accuracy.seconds.toFixed(1)} s`} (${accuracy.estimate_s == null ? '–' : `${accuracy.estimate_s.toFixed(1)} s`})`),
  ];
}

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
    const byAccuracy = candidates[0].accuracy !== undefined;
    const head = byAccuracy ? [HEAD[0], ...ACCURACY_HEAD, ...HEAD.slice(1)] : HEAD;
    const numeric = (label) => ['MACs', 'Params', 'Flash', 'Peak SRAM', ...ACCURACY_HEAD].includes(label);
    const rows = candidates.map((candidate, index) => el('tr', { dataset: { rank: String(index + 1) } },
      el('td', { className: 'num' }, String(index + 1)),
      byAccuracy ? accuracyCells(candidate.accuracy) : null,
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
      el('thead', {}, el('tr', {}, head.map((label) => el('th', { scope: 'col', className: numeric(label) ? 'num' : '' }, label)))),
      el('tbody', {}, rows)));
  }
}
