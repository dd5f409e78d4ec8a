// The preset picker: the core's presets, the chosen one's description, and a reset
// that drops the user's edits to it.

import { el, fill } from './dom.js';

export class PresetPicker {
  #select;
  #description;
  #reset;
  #presets = [];

  // onChoose(name), onReset()
  constructor(root, { onChoose, onReset }) {
    this.#select = el('select', { id: 'preset-select', onchange: () => onChoose(this.#select.value) });
    this.#reset = el('button', { type: 'button', className: 'link', onclick: onReset }, 'Reset to preset');
    this.#description = el('p', { className: 'preset-description' });
    fill(root,
      el('div', { className: 'preset-row' }, el('label', { className: 'field', htmlFor: 'preset-select' }, 'Preset'), this.#select, this.#reset),
      this.#description,
    );
  }

  setCatalog(presets) {
    this.#presets = presets;
    fill(this.#select, ...presets.map((preset) => el('option', { value: preset.name }, preset.name)));
  }

  show(name, edited) {
    this.#select.value = name;
    this.#reset.hidden = !edited;
    const preset = this.#presets.find((entry) => entry.name === name);
    fill(this.#description, preset?.description ?? '', edited ? el('span', { className: 'edited' }, ' · edited') : '');
  }
}
