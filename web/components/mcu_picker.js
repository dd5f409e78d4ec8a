// The MCU picker: the core's catalog plus a custom entry with its own flash, SRAM and
// clock, and a line on the chosen one's figures and where they come from.

import { CUSTOM_MCU } from '../state.js';
import { formatCount, formatKB } from '../model/format.js';
import { el, fill } from './dom.js';

const CUSTOM_FIELDS = [
  { key: 'flash_kb', label: 'Flash', unit: 'KB' },
  { key: 'sram_kb', label: 'SRAM', unit: 'KB' },
  { key: 'clock_mhz', label: 'Clock', unit: 'MHz' },
];

export class McuPicker {
  #select;
  #details;
  #custom;
  #inputs = new Map();
  #mcus = [];

  // onChoose(name), onCustom({flash_kb | sram_kb | clock_mhz: number})
  constructor(root, { onChoose, onCustom }) {
    this.#select = el('select', { id: 'mcu-select', onchange: () => onChoose(this.#select.value) });
    this.#details = el('p', { className: 'mcu-details' });
    this.#custom = el('div', { className: 'custom-mcu' }, CUSTOM_FIELDS.map(({ key, label, unit }) => {
      const input = el('input', {
        type: 'number', min: '1', step: 'any', id: `custom-${key}`, inputMode: 'decimal',
        oninput: () => { if (input.valueAsNumber > 0) onCustom({ [key]: input.valueAsNumber }); },
      });
      this.#inputs.set(key, input);
      return el('label', {}, el('span', {}, label), input, el('span', { className: 'unit' }, unit));
    }));
    fill(root, el('label', { className: 'field', htmlFor: 'mcu-select' }, 'MCU'), this.#select, this.#custom, this.#details);
  }

  setCatalog(mcus) {
    this.#mcus = mcus;
    fill(this.#select,
      ...mcus.map((mcu) => el('option', { value: mcu.name }, mcu.name)),
      el('option', { value: CUSTOM_MCU }, 'Custom…'),
    );
  }

  show(name, custom) {
    this.#select.value = name;
    const isCustom = name === CUSTOM_MCU;
    this.#custom.hidden = !isCustom;
    for (const [key, input] of this.#inputs) {
      if (document.activeElement !== input) input.value = custom[key];
    }
    const mcu = this.#mcus.find((entry) => entry.name === name);
    fill(this.#details, ...(isCustom || !mcu ? [] : [
      `${formatKB(mcu.flash_bytes)} flash · ${formatKB(mcu.sram_bytes)} SRAM · ${formatCount(mcu.clock_mhz)} MHz`,
      mcu.core ? ` · ${mcu.core}` : '',
      mcu.use ? ` · ${mcu.use}` : '',
      mcu.source ? el('span', { className: 'source' }, `Source: ${mcu.source}`) : null,
    ]));
  }
}
