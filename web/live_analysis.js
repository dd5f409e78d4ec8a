// The analysis loop: the state's network and options → the core → the views. While the
// editor holds an error, the error is shown where it occurs and the last valid network
// stays on screen, marked stale (re-analysed when the MCU or precision changes, so that
// it still matches the controls). A patch schedule the network does not allow (its
// split was edited away) falls back to the core's own choice, with a note, and stays
// chosen for when the edit is undone.

import { locateError } from './model/error_location.js';
import { gapRows } from './model/gap.js';
import { patchOption } from './model/patch.js';

const TYPING_DEBOUNCE_MS = 150;

export class LiveAnalysis {
  #analyzer;
  #state;
  #presets;
  #views;
  #lastValidText = null;
  #shown = '';
  #errorRange = null;
  #pending = null;

  // views: {editor: SpecEditor, errorPanel: ErrorPanel, results: ResultsView}
  constructor({ analyzer, state, presets, views }) {
    this.#analyzer = analyzer;
    this.#state = state;
    this.#presets = presets;
    this.#views = views;
  }

  // Where in the text the current error is ({from, to, line}), or null.
  get errorRange() {
    return this.#errorRange;
  }

  // Re-analyse once typing pauses.
  runSoon() {
    clearTimeout(this.#pending);
    this.#pending = setTimeout(() => this.run(), TYPING_DEBOUNCE_MS);
  }

  run() {
    clearTimeout(this.#pending);
    const { editor, errorPanel, results } = this.#views;
    const text = this.#state.text;
    const options = { mcu: this.#state.mcuOption, precision: this.#state.precision, patch: patchOption(this.#state.patch) };
    const { report, error, patchProblem } = this.#analyze(text, options);
    if (report) {
      this.#lastValidText = text;
      this.#errorRange = null;
      editor.clearError();
      errorPanel.showOk(`${report.name ?? 'Network'}: ${report.layers.length} ops analysed.`);
      this.#render(text, report, options, false, patchProblem);
      return;
    }
    this.#errorRange = locateError(text, error);
    editor.showError(this.#errorRange, error.path ? `${error.path}: ${error.reason}` : error.reason);
    // Opened with an invalid draft (saved before a reload): the preset stands in.
    const validText = this.#lastValidText ?? this.#state.presetText;
    const { report: last, patchProblem: lastPatchProblem } = this.#analyze(validText, options);
    errorPanel.showError(error, this.#errorRange, last?.name ?? null);
    if (last) this.#render(validText, last, options, true, lastPatchProblem);
    else results.markStale(true);
  }

  // The analysis, re-run with the core's own patch schedule when the chosen one is not
  // valid for this network: → {report, patchProblem} or {error}.
  #analyze(text, options) {
    const result = this.#analyzer.analyze(text, options);
    if (!result.error?.path?.startsWith('options.patch')) return result;
    const withoutPatch = { ...options, patch: undefined };
    return { ...this.#analyzer.analyze(text, withoutPatch), patchProblem: result.error };
  }

  #render(text, report, options, stale, patchProblem = null) {
    const { results } = this.#views;
    const key = JSON.stringify([text, options]);
    if (key !== this.#shown) {
      this.#shown = key;
      results.update(report, gapRows(this.#gapEntries(report, options.precision)),
        { choice: this.#state.patch, problem: patchProblem });
    }
    results.markStale(stale);
  }

  // Every preset, and the edited network beside them when there is one.
  #gapEntries(report, precision) {
    const state = this.#state;
    const entries = this.#analyzer.presetReports(this.#presets, precision).map(({ name, report: presetReport }) =>
      ({ label: name, report: presetReport, current: name === state.preset && !state.edited }));
    // A network opened from elsewhere (a NAS candidate) is not a core preset either.
    const ownNetwork = state.edited || !this.#presets.some((preset) => preset.name === state.preset);
    if (ownNetwork) entries.push({ label: 'Your network', report, current: true, lectureName: '' });
    return entries;
  }
}
