// The right-hand column: every view of one report, updated together, and dimmed when
// the editor holds an error and the report shown is the last valid one.

import { ArenaDiagram } from './components/arena_diagram.js';
import { EstimatorBars } from './components/estimator_bars.js';
import { GapCharts } from './components/gap_charts.js';
import { LayerTable } from './components/layer_table.js';
import { LectureTable } from './components/lecture_table.js';
import { MemoryChart } from './components/memory_chart.js';
import { PatchPanel } from './components/patch_panel.js';
import { SummaryCard } from './components/summary_card.js';

export class ResultsView {
  #root;
  #staleBanner;
  #summary;
  #estimators;
  #memoryChart;
  #layerTable;
  #gapCharts;
  #lectureTable;
  #mcus;
  #arena;
  #patch;

  // mcus: the catalog (the gap charts draw them all); onSelectLayer(layer): a
  // layer-table row was clicked; onChoosePatch(choice): a patch schedule was picked.
  constructor(doc, mcus, { onSelectLayer, onChoosePatch }) {
    const byId = (id) => doc.getElementById(id);
    this.#mcus = mcus;
    this.#root = byId('results');
    this.#staleBanner = byId('stale-banner');
    this.#summary = new SummaryCard(byId('summary'));
    this.#estimators = new EstimatorBars(byId('estimators'));
    this.#memoryChart = new MemoryChart(byId('memory-chart'));
    this.#layerTable = new LayerTable(byId('layer-table'), { onSelect: onSelectLayer });
    this.#gapCharts = new GapCharts(byId('gap-size'), byId('gap-peak'));
    this.#lectureTable = new LectureTable(byId('lecture-table'));
    this.#arena = new ArenaDiagram(byId('arena-diagram'));
    this.#patch = new PatchPanel({
      controls: byId('patch-controls'), figures: byId('patch-figures'), canvas: byId('patch-tradeoff'),
      zoomNote: byId('patch-zoom'), table: byId('patch-points'),
    }, { onChoose: onChoosePatch });
  }

  // report: the analysis; gapRows: model/gap.js rows; patchView: {choice, problem} for
  // the patch panel (the state's choice, and why it could not be shown, or null).
  update(report, gapRows, patchView) {
    this.#summary.update(report);
    this.#estimators.update(report);
    this.#arena.update(report);
    this.#patch.update(report, patchView);
    this.#memoryChart.update(report);
    this.#layerTable.update(report);
    const selected = report.mcu ?? null;
    // A custom MCU joins the catalog's lines.
    const mcus = this.#mcus;
    const lines = selected && !mcus.some((mcu) => mcu.name === selected.name) ? [...mcus, selected] : mcus;
    this.#gapCharts.update(gapRows, lines, selected);
    this.markStale(false);
  }

  showLectureComparison(rows) {
    this.#lectureTable.update(rows);
  }

  markStale(stale) {
    this.#root.classList.toggle('stale', stale);
    this.#staleBanner.hidden = !stale;
  }
}
