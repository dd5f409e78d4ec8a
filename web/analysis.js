// Runs analyses through the wasm API and keeps what is worth keeping. No DOM.
//
// The core is fast enough for every keystroke (a few ms for ResNet-18), so it runs on
// the page's thread; the preset reports behind the gap charts are computed once per
// precision and cached.

import { PlaygroundError } from '../wasm/api.js';

// Any thrown value → {path, reason, line?, column?}.
export function errorDetails(error) {
  if (error instanceof PlaygroundError || (error && 'reason' in error)) {
    return { path: error.path ?? '', reason: error.reason ?? error.message, line: error.line, column: error.column };
  }
  return { path: '', reason: String(error?.message ?? error) };
}

export class Analyzer {
  #playground;
  #presetReports = new Map();

  constructor(playground) {
    this.#playground = playground;
  }

  // → {report} or {error: {path, reason, line?, column?}}
  analyze(text, options) {
    try {
      return { report: this.#playground.analyze(text, options) };
    } catch (error) {
      return { error: errorDetails(error) };
    }
  }

  // Every preset analysed at this precision (no MCU: the gap charts draw all MCUs):
  // [{name, report}], skipping any preset the core rejects.
  presetReports(presets, precision) {
    if (!this.#presetReports.has(precision)) {
      const reports = [];
      for (const preset of presets) {
        const { report } = this.analyze(JSON.stringify(preset.spec), { precision });
        if (report) reports.push({ name: preset.name, report });
      }
      this.#presetReports.set(precision, reports);
    }
    return this.#presetReports.get(precision);
  }
}
