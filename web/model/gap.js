// Data for the lecture's "model vs MCU" gap charts, computed from real reports. No DOM.

import { BYTES_PER_MB } from './format.js';
import { lectureFigure, sameModelName } from './lecture.js';

// entries: [{label, report, current}] → one row a model, in the order given:
//   {label, size_bytes, peak_bytes, current, lecture: {size_bytes, peak_bytes} | null}
export function gapRows(entries) {
  return entries.map(({ label, report, current = false, lectureName = label }) => {
    const figure = lectureFigure(lectureName);
    return {
      label,
      current,
      size_bytes: report.model_bytes,
      peak_bytes: report.peak_bytes.live,
      lecture: figure
        ? { name: figure.name, size_bytes: figure.params_mb * BYTES_PER_MB, peak_bytes: figure.peak_act_mb * BYTES_PER_MB }
        : null,
    };
  });
}

// MCU capacities as horizontal lines, MCUs that share a value on one line:
// field 'sram_bytes' | 'flash_bytes' → [{bytes, names: [...]}] in ascending bytes.
export function capacityLines(mcus, field) {
  const byValue = new Map();
  for (const mcu of mcus) {
    if (!byValue.has(mcu[field])) byValue.set(mcu[field], []);
    byValue.get(mcu[field]).push(mcu.name);
  }
  return [...byValue].map(([bytes, names]) => ({ bytes, names })).sort((a, b) => a.bytes - b.bytes);
}

// The lecture's typed figures beside the computed ones, for the comparison table:
// reports: {int8: [{name, report}], fp32: [...]} →
//   [{name, preset, lecture: {size_bytes, peak_bytes}, int8: {...} | null, fp32: {...} | null}]
export function lectureComparison(lectureModels, reports) {
  const computed = (precision, presetName) => {
    const entry = reports[precision]?.find(({ name }) => name === presetName);
    return entry ? { size_bytes: entry.report.model_bytes, peak_bytes: entry.report.peak_bytes.live } : null;
  };
  return lectureModels.map((model) => {
    const preset = reports.int8?.find(({ name }) => sameModelName(name, model.name))?.name ?? null;
    return {
      name: model.name,
      preset,
      lecture: { size_bytes: model.params_mb * BYTES_PER_MB, peak_bytes: model.peak_act_mb * BYTES_PER_MB },
      int8: preset && computed('int8', preset),
      fp32: preset && computed('fp32', preset),
    };
  });
}
