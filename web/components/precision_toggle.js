// int8 / fp32: bytes per element for every count on the page.

import { PRECISIONS } from '../state.js';
import { el, fill } from './dom.js';

export class PrecisionToggle {
  #buttons;

  // onChoose(precision)
  constructor(root, { onChoose }) {
    this.#buttons = PRECISIONS.map((precision) =>
      el('button', { type: 'button', value: precision, onclick: () => onChoose(precision) }, precision));
    fill(root,
      el('span', { className: 'field' }, 'Precision'),
      el('div', { className: 'segmented', role: 'group', 'aria-label': 'Precision' }, this.#buttons),
    );
  }

  show(precision) {
    for (const button of this.#buttons) button.setAttribute('aria-pressed', String(button.value === precision));
  }
}
