// The fit verdict and the model sizes, read off a report (docs/report-format.md). No DOM.

import { VERDICT_ESTIMATOR } from './estimators.js';

// The lecture's model size is params × bytes per element: 1 for int8, 4 for fp32.
export function modelSizes(report) {
  return { int8: report.params, fp32: report.model_bytes_fp32 ?? report.params * 4 };
}

function resource(need, capacity, margin, fits) {
  return { need, capacity, margin: margin ?? capacity - need, fits: fits ?? need <= capacity };
}

// → null when the report has no MCU, else
//   {fits, mcu, estimator, sram: {need, capacity, margin, fits}, flash: {...}}
// (margin = capacity − need, negative when it does not fit).
export function verdictOf(report) {
  const mcu = report.mcu;
  if (!mcu) return null;
  const estimator = mcu.peak_estimator ?? VERDICT_ESTIMATOR;
  const sram = resource(report.peak_bytes[estimator], mcu.sram_bytes, mcu.sram_margin_bytes, mcu.fits_sram);
  const flash = resource(report.model_bytes, mcu.flash_bytes, mcu.flash_margin_bytes, mcu.fits_flash);
  return { fits: sram.fits && flash.fits, mcu, estimator, sram, flash };
}
