// The page's state, the one place that owns it: which preset, the network text the user
// edited, the MCU and the precision. It persists itself in localStorage (a reload keeps
// everything, even a network that does not parse) and mirrors the preset, MCU and
// precision in the URL hash (#preset=TinyNet&mcu=STM32F4&precision=int8), so a link
// opens the same view. The patch-based schedule (model/patch.js: "auto" or
// "SPLIT:GRID") is kept per preset, as its op indices belong to that network, and joins
// the hash when it is not auto (&patch=13:4).
//
// Edited networks are kept per preset, as drafts: switching presets loses nothing, and
// "reset" drops the draft to go back to the preset as the core ships it.

import { AUTO_PATCH, parsePatchChoice } from './model/patch.js';

const STORAGE_KEY = 'tinyml-playground/state/v1';

const DEFAULTS = Object.freeze({
  preset: 'TinyNet',
  drafts: {},
  mcu: 'STM32F4',
  custom: { flash_kb: 1024, sram_kb: 256, clock_mhz: 100 },
  precision: 'int8',
  patches: {},
});

export const CUSTOM_MCU = 'custom';
export const PRECISIONS = ['int8', 'fp32'];

function readStorage(storage) {
  try {
    const saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null');
    return saved && typeof saved === 'object' ? saved : {};
  } catch {
    return {};
  }
}

// "#preset=TinyNet&mcu=STM32F4" → {preset: 'TinyNet', mcu: 'STM32F4'}
export function parseHash(hash) {
  const params = new URLSearchParams((hash ?? '').replace(/^#/, ''));
  const values = {};
  for (const key of ['preset', 'mcu', 'precision']) if (params.get(key)) values[key] = params.get(key);
  if (values.precision && !PRECISIONS.includes(values.precision)) delete values.precision;
  if (parsePatchChoice(params.get('patch'))) values.patch = params.get('patch');
  return values;
}

export function formatHash({ preset, mcu, precision, patches }) {
  const patch = patches?.[preset] ?? AUTO_PATCH;
  return `#${new URLSearchParams({ preset, mcu, precision, ...(patch === AUTO_PATCH ? {} : { patch }) })}`;
}

export class AppState {
  #values;
  #presetTexts = new Map();
  #listeners = new Set();
  #storage;
  #history;

  // storage: a Storage (localStorage) or null; location/history: the window's, or null in tests.
  constructor({ storage = null, location = null, history = null } = {}) {
    this.#storage = storage;
    this.#history = history;
    const saved = readStorage(storage);
    const { patch, ...linked } = parseHash(location?.hash);
    this.#values = {
      ...DEFAULTS,
      ...saved,
      drafts: { ...(saved.drafts ?? {}) },
      custom: { ...DEFAULTS.custom, ...(saved.custom ?? {}) },
      patches: { ...(saved.patches ?? {}) },
      opened: { ...(saved.opened ?? {}) },
      ...linked,
    };
    if (patch) this.#values.patches[this.#values.preset] = patch;
  }

  // ---- reading

  get preset() { return this.#values.preset; }
  get mcu() { return this.#values.mcu; }
  get custom() { return { ...this.#values.custom }; }
  get precision() { return this.#values.precision; }
  get edited() { return this.#values.preset in this.#values.drafts; }
  // The patch-based schedule for the chosen preset: "auto" or "SPLIT:GRID".
  get patch() { return this.#values.patches[this.#values.preset] ?? AUTO_PATCH; }

  // The network text in the editor: the draft if the preset was edited, else the preset's.
  get text() {
    return this.#values.drafts[this.#values.preset] ?? this.presetText;
  }

  // The chosen preset's text as the core ships it.
  get presetText() {
    return this.#presetTexts.get(this.#values.preset) ?? '';
  }

  // The `mcu` option of analyze(): a catalog name or the custom figures.
  get mcuOption() {
    return this.#values.mcu === CUSTOM_MCU ? { name: CUSTOM_MCU, ...this.#values.custom } : this.#values.mcu;
  }

  // ---- changing (each notifies listeners with what changed)

  // Called once the core's presets and MCUs are known: their texts, and names that
  // fall back to the first of each when a saved or linked name no longer exists.
  setCatalog(presetTexts, mcuNames) {
    this.#presetTexts = new Map(presetTexts);
    for (const [name, { text }] of Object.entries(this.#values.opened)) {
      if (!this.#presetTexts.has(name)) this.#presetTexts.set(name, text);
    }
    if (!this.#presetTexts.has(this.#values.preset)) this.#values.preset = [...this.#presetTexts.keys()][0];
    if (this.#values.mcu !== CUSTOM_MCU && !mcuNames.includes(this.#values.mcu)) this.#values.mcu = mcuNames[0];
    this.#commit('catalog');
  }

  choosePreset(name) {
    if (!this.#presetTexts.has(name) || name === this.#values.preset) return;
    this.#values.preset = name;
    this.#commit('preset');
  }

  editText(text) {
    const drafts = this.#values.drafts;
    if (text === this.#presetTexts.get(this.#values.preset)) delete drafts[this.#values.preset];
    else drafts[this.#values.preset] = text;
    this.#commit('text');
  }

  resetPreset() {
    delete this.#values.drafts[this.#values.preset];
    this.#commit('preset');
  }

  chooseMcu(name) {
    this.#values.mcu = name;
    this.#commit('mcu');
  }

  setCustomMcu(figures) {
    this.#values.custom = { ...this.#values.custom, ...figures };
    this.#commit('mcu');
  }

  choosePrecision(precision) {
    if (!PRECISIONS.includes(precision)) return;
    this.#values.precision = precision;
    this.#commit('precision');
  }

  // choice: "auto" or "SPLIT:GRID" (model/patch.js), for the chosen preset.
  choosePatch(choice) {
    if (!parsePatchChoice(choice)) return;
    if (choice === AUTO_PATCH) delete this.#values.patches[this.#values.preset];
    else this.#values.patches[this.#values.preset] = choice;
    this.#commit('patch');
  }

  // Networks opened from elsewhere (a TinyNAS candidate), as extra catalog entries:
  // [{name, description}], for the preset picker.
  get openedEntries() {
    return Object.entries(this.#values.opened).map(([name, { description }]) => ({ name, description }));
  }

  // Open `text` as the catalog entry `name` (added, or replaced if it exists; saved with
  // the state) and choose it. Drafts of other entries stay as they are: the user's own
  // edited network comes back when its preset is chosen again. If `name` itself holds a
  // draft that differs from `text`, confirmDiscard() must agree to drop it; returns
  // false, changing nothing, when it does not.
  openNetwork(name, text, description = '', confirmDiscard = () => true) {
    const draft = this.#values.drafts[name];
    if (draft !== undefined && draft !== text && !confirmDiscard()) return false;
    delete this.#values.drafts[name];
    this.#values.opened[name] = { text, description };
    this.#presetTexts.set(name, text);
    this.#values.preset = name;
    this.#commit('preset');
    return true;
  }

  // Apply a hash the user typed or followed (hashchange).
  applyHash(hash) {
    const { preset, mcu, precision, patch } = parseHash(hash);
    if (preset && this.#presetTexts.has(preset)) this.#values.preset = preset;
    if (mcu) this.#values.mcu = mcu;
    if (precision) this.#values.precision = precision;
    if (patch === AUTO_PATCH) delete this.#values.patches[this.#values.preset];
    else if (patch) this.#values.patches[this.#values.preset] = patch;
    this.#commit('hash');
  }

  // fn(change, state); change is 'catalog' | 'preset' | 'text' | 'mcu' | 'precision' | 'patch' | 'hash'.
  subscribe(fn) {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  #commit(change) {
    try {
      this.#storage?.setItem(STORAGE_KEY, JSON.stringify(this.#values));
    } catch {
      // Storage full or disabled: the page still works, it just forgets on reload.
    }
    try {
      this.#history?.replaceState(null, '', formatHash(this.#values));
    } catch {
      // Some file:// setups refuse history changes; the hash is a convenience.
    }
    for (const fn of this.#listeners) fn(change, this);
  }
}
