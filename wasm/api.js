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
