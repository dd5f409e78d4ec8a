// The public JS API of the C++ core, for the page (bundled by esbuild) and the Node
// tests. It loads build/wasm/tinyml_wasm.mjs (the wasm is inlined in it) and turns the
// core's JSON status envelopes into values or PlaygroundErrors.
//
//   const playground = await createPlayground();
//   const report = playground.analyze(specText, { mcu: 'STM32F746' });
//
// Only strings cross the wasm boundary and every result is a plain JS value, so nothing
// returned here needs .delete(). Report shapes: docs/report-format.md.
import createTinymlModule from '../build/wasm/tinyml_wasm.mjs';
import { trainingApi } from './training_api.js';
import { nasAccuracyApi } from './nas_accuracy_api.js';

// A problem with the caller's input: `path` says where ("layers[1].stride", "" for the
// whole input), `reason` what is wrong; `line` and `column` (1-based) are numbers only
// for JSON syntax errors and null otherwise. The message reads "path: reason", as the
// CLI prints it.
export class PlaygroundError extends Error {
  constructor({ path = '', message: reason = '', line = null, column = null } = {}) {
    super(path ? `${path}: ${reason}` : reason);
    this.name = 'PlaygroundError';
    this.path = path;
    this.reason = reason;
    this.line = line;
    this.column = column;
  }
}

// moduleOptions is handed to the Emscripten factory (e.g. { print, printErr }).
export async function createPlayground(moduleOptions = {}) {
  const core = await createTinymlModule(moduleOptions);
  return Object.freeze({
    // specText: the network description as JSON text (an object is stringified).
    // options: { mcu: name | {name, flash_kb, sram_kb, clock_mhz}, precision: 'int8' | 'fp32' };
    // entries that are null or undefined are left out. Returns the report object.
    analyze(specText, options = {}) {
      const text = typeof specText === 'string' ? specText : JSON.stringify(specText);
      return call(() => core.analyze(text, JSON.stringify(withoutEmpty(options))));
    },
    // [{name, description, spec}] for every preset in the core.
    presets() {
      return call(() => core.presets());
    },
    // [{name, flash_bytes, sram_bytes, clock_mhz, core, source}] for every MCU in the catalog.
    mcus() {
      return call(() => core.mcus());
    },
    // int8 inference (below): quantize a network once, run the session many times.
    quantize(request) {
      return openSession(core, call(() => core.quantize(JSON.stringify(request ?? {}))));
    },
    loadInt8Model(modelText) {
      const text = typeof modelText === 'string' ? modelText : JSON.stringify(modelText);
      return openSession(core, call(() => core.loadInt8Model(text)));
    },
    // {mcu: name | {name, flash_kb, sram_kb, clock_mhz}, macs} → {ms, cycles_per_mac, clock_mhz,
    // core, basis, derivation, source, assumed_core, ...}: an ESTIMATE (core/mcu/latency_model.hpp).
    estimateLatency(request) {
      return call(() => core.estimateLatency(JSON.stringify(request ?? {})));
    },
    // Training on a loaded data set, in slices (wasm/training_api.js).
    ...trainingApi(core, call),
    // TinyNAS ranked by measured accuracy, in slices (wasm/nas_accuracy_api.js).
    ...nasAccuracyApi(core, call),
    // TinyNAS (docs/nas-result.md). request: the NAS request object (or its JSON text;
    // fields in core/nas/nas_request.hpp), e.g. {space: 'lecture', mcu: 'STM32F746',
    // trials: 1000, seed: 1}. onProgress(increment), optional, is called synchronously
    // every 100 trials and once at the end with {phase, trials_done, trials_total,
    // measured, feasible, final, points: [[flash_bytes, peak_bytes, macs, fits]], top?}
    // (core/nas/nas_progress.hpp); returning false cancels the search, which then
    // returns its partial result with cancelled: true. An exception thrown by onProgress
    // cancels the search and is rethrown from here. Returns the NAS result; a bad
    // request throws a PlaygroundError whose path names the field ("request.trials").
    nas(request, onProgress = null) {
      const text = typeof request === 'string' ? request : JSON.stringify(request);
      if (!onProgress) return call(() => core.nas(text, null));
      let thrown = null;
      const report = (incrementText) => {
        try {
          return onProgress(JSON.parse(incrementText)) !== false;
        } catch (error) {
          thrown = { error };
          return false;
        }
      };
      const result = call(() => core.nas(text, report));
      if (thrown) throw thrown.error;
      return result;
    },
  });
}

// ---- int8 inference
//
//   const session = playground.quantize({ preset: 'TinyNet', resolution: 32, seed: 1, calib: 16 });
//   const report = session.infer({ pattern: 'rings', seed: 3 }, { layers: true });
//   const both = session.compare({ pixels: imageData }, { runs: 5 });
//   session.delete();
//
// quantize(request) takes the options of `tinyml quantize` ({preset | spec, resolution,
// seed, calib, init, weights}); loadInt8Model(text) an int8 model file. Both return an
// InferenceSession: the prepared model lives inside the wasm module (core/api.hpp) until
// session.delete() frees it — call it when done (at most 8 are open at once). The
// session's fields are the core's summary: {handle, model, input_shape, output_shape,
// has_float, ops, tensors, macs, weight_bytes, bias_bytes, arena_bytes}.
//
// An input is one of
//   {pattern: 'noise' | 'gradient' | 'checkerboard' | 'rings', seed}    generated in the core
//   {tensor: Float32Array | number[], layout: 'chw' | 'hwc'}            the network input's values
//   {pixels: {width, height, data, channels = 4}}                      8-bit pixels (an ImageData
//                                                                      works), resized in the core
//   {input: {shape, data | int8, layout}}                              the CLI's input file
// infer(input, {layers, runs}) → the `tinyml infer --json` report (every int8 tensor with
// layers: true; timing.int8_median_ms over `runs` runs). compare(input, {runs}) → the
// `tinyml compare --json` report (per-layer ranges and errors, float and int8 outputs,
// agreement) plus int8_output and timing.{int8,float}_median_ms (after untimed warm-up
// runs for at least 300 ms each, counted in timing.{int8,float}_warmup_runs: browsers
// optimize hot wasm code in the background). Errors: PlaygroundError.
function openSession(core, summary) {
  const handle = summary.handle;
  const run = (coreFunction, input, options) => {
    const { request, data } = inputRequest(input);
    return call(() => coreFunction(handle, JSON.stringify({ ...request, ...withoutEmpty(options) }), data));
  };
  return Object.freeze({
    ...summary,
    infer: (input, options = {}) => run(core.infer, input, options),
    compare: (input, options = {}) => run(core.compare, input, options),
    // The int8 model file (docs/int8-model-format.md) of this session.
    modelFile: () => call(() => core.modelFile(handle)),
    // Frees the session in the core; later calls fail with a PlaygroundError.
    delete: () => call(() => core.release(handle)),
  });
}

function inputRequest(input) {
  if (input?.tensor) {
    const values = input.tensor instanceof Float32Array ? input.tensor : Float32Array.from(input.tensor);
    return { request: { tensor: { layout: input.layout ?? 'chw' } }, data: values };
  }
  if (input?.pixels) {
    const { width, height, data, channels = 4 } = input.pixels;
    return { request: { pixels: { width, height, channels } }, data };
  }
  return { request: withoutEmpty(input), data: undefined };
}

function withoutEmpty(options) {
  return Object.fromEntries(Object.entries(options ?? {}).filter(([, value]) => value != null));
}

// The core never throws across the boundary; if the module itself fails (out of memory,
// an abort), that is a bug, not a user error, and surfaces as a plain Error.
function call(coreFunction) {
  let text;
  try {
    text = coreFunction();
  } catch (failure) {
    throw new Error(`tinyml core failed: ${failure?.message ?? failure}`, { cause: failure });
  }
  const envelope = JSON.parse(text);
  if (envelope.ok) return envelope.result;
  throw new PlaygroundError(envelope.error);
}
