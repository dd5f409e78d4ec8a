// Start-up and wiring: load the core, restore the state, build the views, and connect
// state changes to the analysis loop. The work itself lives in state.js, analysis.js,
// live_analysis.js, model/ and components/.

import { createPlayground } from '../wasm/api.js';
import { Analyzer } from './analysis.js';
import { SpecEditor } from './components/editor.js';
import { ErrorPanel } from './components/error_panel.js';
import { InferencePanel } from './components/inference_panel.js';
import { McuPicker } from './components/mcu_picker.js';
import { PrecisionToggle } from './components/precision_toggle.js';
import { PresetPicker } from './components/preset_picker.js';
import { Inference } from './inference.js';
import { LiveAnalysis } from './live_analysis.js';
import { rangeOfPath } from './model/error_location.js';
import { lectureComparison } from './model/gap.js';
import { LECTURE_MODELS } from './model/lecture.js';
import { specToText } from './model/spec_text.js';
import { ResultsView } from './results_view.js';
import { AppState } from './state.js';
import { TrainingPanel } from './components/training_panel.js';
import { TrainedStore } from './model/trained_store.js';
import { Training } from './training.js';
import { trainedWeightsLookup } from './trained_weights.js';
import { NasSearch } from './nas_search.js';

const byId = (id) => document.getElementById(id);

async function start() {
  let live = null;
  let editor = null;
  const errorPanel = new ErrorPanel(byId('status'), { onReveal: () => live?.errorRange && editor.reveal(live.errorRange) });
  let playground;
  try {
    playground = await createPlayground();
  } catch (error) {
    errorPanel.showError({ path: '', reason: `The core did not load: ${error.message ?? error}` }, null, null);
    throw error;
  }
  const presets = playground.presets();
  const mcus = playground.mcus();
  const analyzer = new Analyzer(playground);

  const state = new AppState({ storage: window.localStorage, location: window.location, history: window.history });
  state.setCatalog(presets.map((preset) => [preset.name, specToText(preset.spec)]), mcus.map((mcu) => mcu.name));

  editor = new SpecEditor(byId('editor'), { text: state.text, onChange: (text) => state.editText(text) });
  const presetPicker = new PresetPicker(byId('preset-picker'), {
    onChoose: (name) => state.choosePreset(name),
    onReset: () => state.resetPreset(),
  });
  const mcuPicker = new McuPicker(byId('mcu-picker'), {
    onChoose: (name) => state.chooseMcu(name),
    onCustom: (figures) => state.setCustomMcu(figures),
  });
  const precisionToggle = new PrecisionToggle(byId('precision-toggle'), { onChoose: (p) => state.choosePrecision(p) });
  const results = new ResultsView(document, mcus, {
    onSelectLayer: (layer) => {
      const range = layer.source && rangeOfPath(editor.text, layer.source);
      if (range) editor.reveal(range);
    },
    onChoosePatch: (choice) => state.choosePatch(choice),
  });
  presetPicker.setCatalog(presets);
  mcuPicker.setCatalog(mcus);
  results.showLectureComparison(lectureComparison(LECTURE_MODELS, {
    int8: analyzer.presetReports(presets, 'int8'),
    fp32: analyzer.presetReports(presets, 'fp32'),
  }));
  live = new LiveAnalysis({ analyzer, state, presets, views: { editor, errorPanel, results } });

  function showControls() {
    presetPicker.show(state.preset, state.edited);
    mcuPicker.show(state.mcu, state.custom);
    precisionToggle.show(state.precision);
  }

  state.subscribe((change) => {
    showControls();
    if (change === 'text') {
      live.runSoon();
    } else {
      editor.setText(state.text);
      live.run();
    }
  });
  window.addEventListener('hashchange', () => state.applyHash(window.location.hash));

  // The inference panel: runs in a Web Worker; its MCU estimate follows the network and MCU.
  const inferencePanel = new InferencePanel(byId('inference'), {
    onRun: () => inference.run(),
    onImage: (file) => inference.chooseImage(file),
    onTestImage: () => inference.run(),
    onDrawn: () => inference.run(),
  });
  const trainedStore = new TrainedStore(window.localStorage);
  const trainedWeights = trainedWeightsLookup({ state, store: trainedStore });
  const inference = new Inference({ playground, state, panel: inferencePanel, trainedWeights });
  state.subscribe(() => inference.updateEstimate());
  inference.updateEstimate();

  // Training on Fashion-MNIST (issue 6): a worker trains; results are kept per network text.
  const trainingPanel = new TrainingPanel(byId('training'), {
    onTrain: (options) => training.train(options),
    onCancel: () => training.cancel(),
    onDownload: (kind) => training.download(kind),
  });
  const training = new Training({ state, panel: trainingPanel, store: trainedStore, onTrained: () => inference.showWeights() });
  state.subscribe(() => { training.showStored(); inference.showWeights(); });
  training.showStored();
  inference.showWeights();

  showControls();
  live.run();
  startNas({ state, mcus, presets, presetPicker, showControls, editor });
  document.body.dataset.ready = 'true';
}

// TinyNAS (issue 5): the panel targets the page's MCU; "open in editor" opens a
// candidate as the catalog entry NAS_ENTRY, so the user's own edits stay under their
// preset (state.js openNetwork).
const NAS_ENTRY = 'NAS candidate';

function startNas({ state, mcus, presets, presetPicker, showControls, editor }) {
  const catalog = () => [...presets, ...state.openedEntries];
  const nas = new NasSearch(byId('nas-panel'), {
    mcuOption: () => state.mcuOption,
    onOpen: (candidate) => {
      const description = `Found by TinyNAS: ${candidate.macs.toLocaleString('en-US')} MACs, ` +
        `${candidate.fits ? 'fits' : 'does not fit'} the MCU it was searched for. Your edits to other presets are kept under their names.`;
      const opened = state.openNetwork(NAS_ENTRY, specToText(candidate.spec), description,
        () => window.confirm(`Replace your edits to the "${NAS_ENTRY}" network with this candidate?`));
      if (!opened) return;
      presetPicker.setCatalog(catalog());
      showControls();
      byId('editor').scrollIntoView({ block: 'nearest' });
    },
  });
  const showMcu = () => {
    const option = state.mcuOption;
    nas.panel.showMcu(typeof option === 'string'
      ? mcus.find((mcu) => mcu.name === option)
      : { name: option.name, sram_bytes: option.sram_kb * 1024, flash_bytes: option.flash_kb * 1024 });
  };
  state.subscribe(showMcu);
  showMcu();
  presetPicker.setCatalog(catalog());
  showControls();
}

start();
