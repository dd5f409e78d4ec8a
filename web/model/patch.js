// The patch-based schedule choice (MCUNetV2) as the page keeps it: "auto" (the core's
// own search under its MAC limit) or "SPLIT:GRID" as the CLI's --patch spells it
// ("0:1" = layer by layer), and what the controls and the trade-off curve show of
// report.patch (docs/report-format.md). No DOM.

import { formatPercentChange } from './estimators.js';
import { formatKB } from './format.js';

export const AUTO_PATCH = 'auto';
export const LAYER_BY_LAYER = '0:1';
// Grids offered in the picker: 2×2 up to this (or the split's max_grid, if smaller).
// The core's search tries 2..8; larger grids are allowed by the core and cost more MACs.
export const MAX_PICKER_GRID = 16;

// "auto" → 'auto'; "13:4" → {split_op: 13, grid: 4}; anything else → null.
export function parsePatchChoice(text) {
  if (text === AUTO_PATCH) return AUTO_PATCH;
  const match = /^(\d{1,5}):(\d{1,5})$/.exec(String(text ?? ''));
  return match ? { split_op: Number(match[1]), grid: Number(match[2]) } : null;
}

export function formatPatchChoice(splitOp, grid) {
  return `${splitOp}:${grid}`;
}

// The `patch` option of analyze() for a choice: undefined for auto (the core searches).
export function patchOption(choice) {
  const parsed = parsePatchChoice(choice);
  return parsed && parsed !== AUTO_PATCH ? parsed : undefined;
}

// [2, 3, …, min(maxGrid, MAX_PICKER_GRID)]
export function gridChoices(maxGrid) {
  const grids = [];
  for (let grid = 2; grid <= Math.min(maxGrid, MAX_PICKER_GRID); grid++) grids.push(grid);
  return grids;
}

// The split picker's entries: [{value, label}], values as in the choice ("auto", "0", "13").
export function splitChoices(patch) {
  const auto = patch.chosen_by === 'search' ? ` — ${scheduleLabel(patch)}` : '';
  return [
    { value: AUTO_PATCH, label: `auto (best within +${Math.round(patch.max_extra_macs_ratio * 100)}% MACs)${auto}` },
    { value: '0', label: 'none: layer by layer' },
    ...patch.valid_splits.map((split) => ({ value: String(split.split_op), label: `after ${split.after} (op ${split.split_op})` })),
  ];
}

// "after conv3, 4×4" / "layer by layer"
export function scheduleLabel({ split_op: splitOp, split_after: after, grid }) {
  return splitOp > 0 ? `after ${after}, ${grid}×${grid}` : 'layer by layer';
}

// The choice after the split picker changes to `value`, keeping the grid shown when the
// new split allows it (else 4×4, or the split's largest grid).
export function choiceForSplit(value, patch, shownGrid) {
  if (value === AUTO_PATCH) return AUTO_PATCH;
  const splitOp = Number(value);
  if (splitOp === 0) return LAYER_BY_LAYER;
  const split = patch.valid_splits.find((entry) => entry.split_op === splitOp);
  if (!split) return AUTO_PATCH;
  const grids = gridChoices(split.max_grid);
  const grid = grids.includes(shownGrid) ? shownGrid : Math.min(4, grids.at(-1) ?? 1);
  return formatPatchChoice(splitOp, grid);
}

// One trade-off point for the chart and its tooltip; layers name the split.
export function tradeoffPoint(point, layers) {
  const after = point.split_op > 0 ? layers[point.split_op - 1]?.name ?? `op ${point.split_op}` : null;
  const figures = `${formatKB(point.peak_bytes)}, ${formatPercentChange(point.extra_macs_ratio)} MACs`;
  return {
    x: point.extra_macs_ratio * 100,
    y: point.peak_bytes / 1024,
    choice: formatPatchChoice(point.split_op, point.grid),
    figures,
    label: `${scheduleLabel({ ...point, split_after: after })}: ${figures}`,
  };
}
