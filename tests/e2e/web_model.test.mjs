// The page's model code and state, in Node (no browser): formatting, the editor text
// of presets, error locations, the gap-chart data and the state's persistence.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locateError, parsePath, rangeOfPath } from '../../web/model/error_location.js';
import { describeBuffer, niceStep, offsetRange, offsetTicks, opTicks, tickLabel } from '../../web/model/arena.js';
import { comparedWithLive, ESTIMATORS, GROUP_TITLES } from '../../web/model/estimators.js';
import { formatKB, formatMargin, formatShape, formatSize, kbNumber } from '../../web/model/format.js';
import { capacityLines, gapRows, lectureComparison } from '../../web/model/gap.js';
import { LECTURE_MODELS } from '../../web/model/lecture.js';
import { choiceForSplit, gridChoices, parsePatchChoice, patchOption, splitChoices } from '../../web/model/patch.js';
import { specToText } from '../../web/model/spec_text.js';
import { verdictOf } from '../../web/model/verdict.js';
import { AppState } from '../../web/state.js';

test('sizes are KB of 1024 bytes with two decimals, as the lecture prints them', () => {
  assert.equal(formatKB(393216), '384.00 KB');
  assert.equal(kbNumber(432), '0.42');
  assert.equal(kbNumber(1024 * 1536), '1,536.00');
  assert.equal(formatSize(14 * 1024 * 1024), '14.00 MB');
  assert.equal(formatSize(1023 * 1024), '1,023.00 KB');
  assert.equal(formatShape([16, 128, 128]), '16×128×128');
  assert.equal(formatMargin(-262144, 'SRAM'), 'exceeds SRAM by 256.00 KB');
  assert.equal(formatMargin(131072, 'flash'), '128.00 KB of flash to spare');
});

const tinySpec = {
  layers: [{ act: 'relu', kernel: 3, out: 16, type: 'conv2d' }, { type: 'global_avgpool' }, { out: 10, type: 'linear' }],
  input: [3, 8, 8],
  name: 'Tiny',
};

test('a preset becomes editor text with name and input first and one layer a line, type first', () => {
  const text = specToText(tinySpec);
  assert.equal(text, [
    '{',
    '  "name": "Tiny",',
    '  "input": [3, 8, 8],',
    '  "layers": [',
    '    {"type": "conv2d", "out": 16, "kernel": 3, "act": "relu"},',
    '    {"type": "global_avgpool"},',
    '    {"type": "linear", "out": 10}',
    '  ]',
    '}',
    '',
  ].join('\n'));
  assert.deepEqual(JSON.parse(text), tinySpec);
});

test('an error path points at its property, or at the nearest part of it that exists', () => {
  const text = specToText(tinySpec);
  assert.deepEqual(parsePath('layers[3].stride'), ['layers', 3, 'stride']);
  const kernel = locateError(text, { path: 'layers[0].kernel', reason: 'x' });
  assert.equal(text.slice(kernel.from, kernel.to), '"kernel": 3');
  assert.equal(kernel.line, 5);
  const missing = rangeOfPath(text, 'layers[2].bias');
  assert.equal(text.slice(missing.from, missing.to), '{"type": "linear", "out": 10}');
  assert.equal(missing.exact, false);
  assert.equal(locateError(text, { path: 'options.mcu.sram_kb', reason: 'x' }), null);
  assert.equal(locateError(text, { path: '', reason: 'too big' }), null);
});

test('a syntax error points at its 1-based line and column', () => {
  const text = '{\n  "name": "x",,\n}';
  const range = locateError(text, { path: '', reason: 'x', line: 2, column: 15 });
  assert.equal(text.slice(range.from, range.to), ',');
  assert.equal(range.line, 2);
});

const report = (model_bytes, live) => ({ model_bytes, params: model_bytes, peak_bytes: { live } });

test('MCUs that share a capacity share a line', () => {
  const mcus = [
    { name: 'A', sram_bytes: 256, flash_bytes: 1 },
    { name: 'B', sram_bytes: 128, flash_bytes: 1 },
    { name: 'C', sram_bytes: 256, flash_bytes: 2 },
  ];
  assert.deepEqual(capacityLines(mcus, 'sram_bytes'), [{ bytes: 128, names: ['B'] }, { bytes: 256, names: ['A', 'C'] }]);
});

test('the lecture\'s typed figures sit beside the computed ones, matched by name', () => {
  const reports = {
    int8: [{ name: 'ResNet18', report: report(100, 10) }, { name: 'TinyNet', report: report(5, 1) }],
    fp32: [{ name: 'ResNet18', report: report(400, 40) }],
  };
  const rows = lectureComparison(LECTURE_MODELS, reports);
  const resnet = rows.find((row) => row.name === 'ResNet-18');
  assert.equal(resnet.preset, 'ResNet18');
  assert.deepEqual(resnet.fp32, { size_bytes: 400, peak_bytes: 40 });
  assert.equal(resnet.lecture.size_bytes, 46 * 1024 * 1024);
  assert.equal(rows.find((row) => row.name === 'BERT-tiny').preset, null);

  const [resnetRow, tinyRow] = gapRows(reports.int8.map(({ name, report: r }) => ({ label: name, report: r })));
  assert.equal(resnetRow.lecture.peak_bytes, 100 * 1024 * 1024);
  assert.equal(tinyRow.lecture, null);
});

test('the verdict reads the margins off the report', () => {
  const verdict = verdictOf({
    ...report(97354, 393216),
    mcu: { name: 'STM32F4', sram_bytes: 131072, flash_bytes: 524288, fits_sram: false, fits_flash: true, sram_margin_bytes: -262144 },
  });
  assert.equal(verdict.fits, false);
  assert.equal(verdict.sram.margin, -262144);
  assert.equal(verdict.flash.margin, 524288 - 97354);
  assert.equal(verdictOf(report(1, 1)), null);
});

function memoryStorage() {
  const items = new Map();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => items.set(key, String(value)) };
}

test('the state keeps one draft a preset and survives a reload', () => {
  const storage = memoryStorage();
  const hashes = [];
  const history = { replaceState: (_state, _title, url) => hashes.push(url) };
  const catalog = [['TinyNet', 'tiny text'], ['MCUNet', 'mcunet text']];

  const state = new AppState({ storage, history, location: { hash: '' } });
  state.setCatalog(catalog, ['STM32F4', 'ESP32']);
  assert.equal(state.text, 'tiny text');
  state.editText('tiny edited, not even JSON');
  state.choosePreset('MCUNet');
  assert.equal(state.text, 'mcunet text');
  state.chooseMcu('ESP32');
  state.choosePrecision('fp32');
  assert.equal(hashes.at(-1), '#preset=MCUNet&mcu=ESP32&precision=fp32');

  const reloaded = new AppState({ storage, location: { hash: '' } });
  reloaded.setCatalog(catalog, ['STM32F4', 'ESP32']);
  assert.equal(reloaded.preset, 'MCUNet');
  assert.equal(reloaded.mcuOption, 'ESP32');
  assert.equal(reloaded.precision, 'fp32');
  reloaded.choosePreset('TinyNet');
  assert.equal(reloaded.text, 'tiny edited, not even JSON');
  assert.equal(reloaded.edited, true);
  reloaded.editText('tiny text');
  assert.equal(reloaded.edited, false);
});

test('a link\'s hash wins over what was saved, and unknown names fall back', () => {
  const storage = memoryStorage();
  const saved = new AppState({ storage });
  saved.setCatalog([['TinyNet', 't'], ['MCUNet', 'm']], ['STM32F4']);
  saved.chooseMcu('custom');
  saved.setCustomMcu({ sram_kb: 300 });

  const custom = new AppState({ storage });
  custom.setCatalog([['TinyNet', 't']], ['STM32F4']);
  assert.deepEqual(custom.mcuOption, { name: 'custom', flash_kb: 1024, sram_kb: 300, clock_mhz: 100 });

  const linked = new AppState({ storage, location: { hash: '#preset=MCUNet&mcu=Nope&precision=bf16' } });
  linked.setCatalog([['TinyNet', 't'], ['MCUNet', 'm']], ['STM32F4']);
  assert.equal(linked.preset, 'MCUNet');
  assert.equal(linked.mcu, 'STM32F4');
  assert.equal(linked.precision, 'int8');
});

test('the estimators are compared with the live peak in one sentence', () => {
  assert.equal(comparedWithLive({ lecture_in_out: 10, lecture_consecutive: 10, live: 10 }), 'For this network all three agree.');
  assert.equal(comparedWithLive({ lecture_in_out: 10, lecture_consecutive: 5, live: 10 }),
    "For this network, the lecture's input + output estimate matches the live peak; the lecture's consecutive outputs estimate is 50% below the live peak.");
  const six = { lecture_in_out: 1000, lecture_consecutive: 1000, live: 1000, inplace_depthwise: 1000, arena: 1000, patch: 1000 };
  assert.equal(comparedWithLive(six), 'For this network all six agree.');
  assert.equal(comparedWithLive({ ...six, arena: 1004, patch: 250 }),
    "For this network, the lecture's input + output estimate matches the live peak; the lecture's consecutive outputs estimate matches the live peak; in-place depthwise matches the live peak; the planned arena is <1% above the live peak; patch-based execution is 75% below the live peak.");
});

test('every estimator the core reports has a label and a sentence, in the page\'s order', () => {
  assert.deepEqual(ESTIMATORS.map(({ key }) => key),
    ['lecture_in_out', 'lecture_consecutive', 'live', 'inplace_depthwise', 'arena', 'patch']);
  for (const { label, counts, group } of ESTIMATORS) assert.ok(label && counts && GROUP_TITLES[group]);
  const arena = ESTIMATORS.find(({ key }) => key === 'arena');
  assert.match(arena.counts, /scratch/);
  assert.match(arena.counts, /fragmentation/);
  assert.match(arena.counts, /arena ≥ live/);
  const report = { plan: { overhead_bytes: 2576, alignment_and_scratch_bytes: 576, fragmentation_bytes: 2000, kernels: 'cmsis-nn' } };
  assert.equal(arena.detail(report),
    'Here arena − live = 2.52 KB: 576 B of alignment and kernel scratch (cmsis-nn kernels), 1.95 KB of fragmentation.');
});

test('a patch choice is "auto" or SPLIT:GRID, as the CLI spells it', () => {
  assert.equal(parsePatchChoice('auto'), 'auto');
  assert.deepEqual(parsePatchChoice('13:4'), { split_op: 13, grid: 4 });
  assert.equal(parsePatchChoice('13'), null);
  assert.equal(parsePatchChoice('-1:4'), null);
  assert.equal(patchOption('auto'), undefined);
  assert.deepEqual(patchOption('0:1'), { split_op: 0, grid: 1 });
  assert.deepEqual(gridChoices(3), [2, 3]);
  assert.equal(gridChoices(112).at(-1), 16);

  const patch = {
    split_op: 3, split_after: 'conv3', grid: 4, chosen_by: 'search', max_extra_macs_ratio: 0.1,
    valid_splits: [{ split_op: 1, after: 'conv1', max_grid: 128 }, { split_op: 4, after: 'conv4', max_grid: 3 }],
  };
  assert.deepEqual(splitChoices(patch).map(({ value }) => value), ['auto', '0', '1', '4']);
  assert.equal(splitChoices(patch)[0].label, "auto (best within +10% MACs) — after conv3, 4×4");
  // A new split keeps the grid shown when it can, else 4×4 or its largest.
  assert.equal(choiceForSplit('1', patch, 6), '1:6');
  assert.equal(choiceForSplit('4', patch, 6), '4:3');
  assert.equal(choiceForSplit('0', patch, 6), '0:1');
  assert.equal(choiceForSplit('auto', patch, 6), 'auto');
  assert.equal(choiceForSplit('99', patch, 6), 'auto');
});

test('the patch choice is kept per preset, saved, and in the link when not auto', () => {
  const storage = memoryStorage();
  const hashes = [];
  const history = { replaceState: (_state, _title, url) => hashes.push(url) };
  const catalog = [['TinyNet', 't'], ['MCUNet', 'm']];
  const state = new AppState({ storage, history, location: { hash: '' } });
  state.setCatalog(catalog, ['STM32F4']);
  assert.equal(state.patch, 'auto');
  state.choosePatch('3:4');
  assert.equal(hashes.at(-1), '#preset=TinyNet&mcu=STM32F4&precision=int8&patch=3%3A4');
  state.choosePatch('nonsense');
  assert.equal(state.patch, '3:4');
  state.choosePreset('MCUNet');
  assert.equal(state.patch, 'auto');
  assert.equal(hashes.at(-1), '#preset=MCUNet&mcu=STM32F4&precision=int8');

  const reloaded = new AppState({ storage, location: { hash: '#preset=TinyNet&mcu=STM32F4&precision=int8&patch=3%3A4' } });
  reloaded.setCatalog(catalog, ['STM32F4']);
  assert.equal(reloaded.patch, '3:4');
  const linked = new AppState({ storage: memoryStorage(), location: { hash: '#preset=MCUNet&patch=5:2' } });
  linked.setCatalog(catalog, ['STM32F4']);
  assert.equal(linked.patch, '5:2');
  linked.applyHash('#preset=MCUNet&patch=auto');
  assert.equal(linked.patch, 'auto');
});

test('the arena diagram\'s axes tick at round KB and op counts', () => {
  assert.equal(niceStep(384, 5), 100);
  assert.equal(niceStep(40, 5), 10);
  assert.equal(niceStep(12, 5), 2.5);
  assert.deepEqual(offsetTicks(400 * 1024).map((bytes) => bytes / 1024), [0, 100, 200, 300, 400]);
  assert.deepEqual(opTicks(6), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(opTicks(150), [0, 20, 40, 60, 80, 100, 120, 140]);
  assert.equal(tickLabel(100 * 1024), '100 KB');
  assert.equal(tickLabel(2.5 * 1024), '2.50 KB');
  assert.deepEqual(offsetRange({ arena_bytes: 1000 }, 1200), { top: 1248, showSram: true });
  assert.deepEqual(offsetRange({ arena_bytes: 1000 }, 2_000_000), { top: 1040, showSram: false });
  const layers = [{ name: 'conv1' }, { name: 'conv2' }];
  assert.deepEqual(describeBuffer({ name: 'conv1', kind: 'tensor', bytes: 262144, aligned_bytes: 262144, offset: 0, first_op: 0, last_op: 1 }, layers), {
    title: 'conv1', size: '256.00 KB (262,144 bytes)', place: 'offset 0.00 KB – 256.00 KB', lifetime: 'alive ops 0–1 (conv1 → conv2)',
  });
  assert.equal(describeBuffer({ name: 'conv2.scratch', kind: 'scratch', bytes: 570, aligned_bytes: 576, offset: 0, first_op: 1, last_op: 1 }, layers).title,
    'conv2.scratch (kernel scratch)');
});
