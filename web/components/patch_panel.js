// Patch-based execution (MCUNetV2): pickers for the split point (the report's valid
// splits, or auto, or none) and the n×n grid, the figures of the schedule shown, and the
// peak vs extra-MACs trade-off curve.

import { describeSchedule, formatPercentChange, relationToLive } from '../model/estimators.js';
import { formatCount, formatKB, formatShortCount } from '../model/format.js';
import { AUTO_PATCH, choiceForSplit, formatPatchChoice, gridChoices, splitChoices } from '../model/patch.js';
import { el, fill } from './dom.js';
import { TradeoffChart } from './tradeoff_chart.js';
import { TradeoffTable } from './tradeoff_table.js';

function figure(key, label, value, note) {
  return el('div', { className: 'metric', dataset: { figure: key } },
    el('dt', {}, label),
    el('dd', {}, el('span', { className: 'value' }, value), note ? el('span', { className: 'note' }, note) : null));
}

export class PatchPanel {
  #split;
  #grid;
  #problem;
  #figures;
  #tradeoff;
  #table;
  #patch = null;

  // The roots: {controls, figures, canvas, zoomNote, table} (index.html's patch card);
  // onChoose(choice): "auto" or "SPLIT:GRID" (model/patch.js).
  constructor({ controls: controlsRoot, figures: figuresRoot, canvas, zoomNote, table }, { onChoose }) {
    this.#split = el('select', {
      id: 'patch-split',
      onchange: () => onChoose(choiceForSplit(this.#split.value, this.#patch, Number(this.#grid.value))),
    });
    this.#grid = el('select', {
      id: 'patch-grid',
      onchange: () => onChoose(formatPatchChoice(Number(this.#split.value), Number(this.#grid.value))),
    });
    this.#problem = el('p', { className: 'patch-problem', role: 'alert', hidden: true });
    fill(controlsRoot,
      el('span', { className: 'patch-field' }, el('label', { className: 'field', htmlFor: 'patch-split' }, 'Split'), this.#split),
      el('span', { className: 'patch-field' }, el('label', { className: 'field', htmlFor: 'patch-grid' }, 'Grid'), this.#grid),
      this.#problem);
    this.#figures = figuresRoot;
    this.#tradeoff = new TradeoffChart(canvas, zoomNote, { onChoose });
    this.#table = new TradeoffTable(table, { onChoose });
  }

  // choice: the state's choice; problem: why it could not be shown ({path, reason}), or null.
  update(report, { choice = AUTO_PATCH, problem = null } = {}) {
    const patch = report.patch;
    this.#patch = patch;
    this.#showControls(patch, problem ? AUTO_PATCH : choice);
    this.#problem.hidden = !problem;
    if (problem) {
      const [splitOp, grid] = choice.split(':');
      this.#problem.textContent = `The saved schedule (split ${splitOp}, ${grid}×${grid}) does not fit this network: ${problem.path}: ${problem.reason}. Showing the automatic choice.`;
    }
    this.#showFigures(report);
    this.#tradeoff.update(report);
    this.#table.update(report);
  }

  #showControls(patch, choice) {
    fill(this.#split, splitChoices(patch).map(({ value, label }) => el('option', { value }, label)));
    this.#split.value = choice === AUTO_PATCH ? AUTO_PATCH : String(patch.split_op);
    const split = patch.valid_splits.find((entry) => entry.split_op === patch.split_op);
    const grids = split ? gridChoices(split.max_grid) : [];
    if (!grids.includes(patch.grid)) grids.push(patch.grid);
    fill(this.#grid, grids.sort((a, b) => a - b).map((grid) => el('option', { value: String(grid) }, `${grid}×${grid}`)));
    this.#grid.value = String(patch.grid);
    this.#grid.disabled = choice === AUTO_PATCH || patch.split_op === 0;
  }

  #showFigures(report) {
    const patch = report.patch;
    const live = report.peak_bytes.live;
    const split = patch.split_op > 0;
    const inplace = patch.inplace_depthwise;
    fill(this.#figures,
      el('p', { className: 'patch-schedule' },
        el('strong', {}, patch.chosen_by === 'options' ? 'Chosen: ' : 'The search\'s choice: '),
        describeSchedule(patch), patch.note ? el('span', { className: 'note' }, ` — ${patch.note}`) : null),
      el('dl', { className: 'metrics patch-metrics' },
        figure('peak', 'Peak SRAM (patch)', formatKB(patch.peak_bytes), `${relationToLive(patch.peak_bytes, live)} (${formatKB(live)})`),
        figure('extra-macs', 'Extra MACs (halos)', formatCount(patch.extra_macs),
          split ? `${formatPercentChange(patch.extra_macs_ratio)} of ${formatShortCount(report.macs)} MACs` : 'no patches'),
        figure('stage', 'Stage, per patch', split ? formatKB(patch.stage_peak_bytes) : '—',
          split ? `at ${patch.stage_peak_at}, patch ${patch.stage_peak_patch + 1} of ${patch.grid * patch.grid}` : null),
        figure('stage-output', 'Stage output, held whole', split ? formatKB(patch.stage_output_bytes) : '—'),
        figure('rest', 'Rest, layer by layer', formatKB(patch.rest_peak_bytes), patch.rest_peak_at ? `at ${patch.rest_peak_at}` : null),
        inplace ? figure('inplace', 'With in-place depthwise too', formatKB(inplace.peak_bytes), describeSchedule(inplace)) : null));
  }
}
