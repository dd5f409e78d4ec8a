// The inference worker's logic, without the worker: keeps one prepared (quantized)
// network and runs it on inputs. Works on any playground (wasm/api.js), so Node tests
// drive it directly. Actions take and return structured-cloneable values.
//
//   prepare({spec, seed, calib, weights, weightsKey}) → the session summary; quantizes
//     only when the network text, seed, calibration count or weightsKey changed since the
//     last prepare (weights: a float weights file, trained; weightsKey names it)
//   run({input, runs, inputValues}) → the compare report of the prepared network on
//     `input` (see wasm/api.js for the input forms), with timing over `runs` runs and,
//     with inputValues, the input itself (report.input: {shape, values} in C, H, W order)

export const INFERENCE_ACTIONS = ['prepare', 'run'];

export class InferenceService {
  #playground;
  #session = null;
  #key = null;

  constructor(playground) {
    this.#playground = playground;
  }

  get playground() { return this.#playground; }

  prepare({ spec, seed = 1, calib = 16, weights = null, weightsKey = null }) {
    const key = JSON.stringify([spec, seed, calib, weights ? weightsKey ?? 'weights' : null]);
    if (this.#session && key === this.#key) return summaryOf(this.#session);
    // A network that does not quantize leaves the previous session in place.
    const session = this.#playground.quantize({ spec, seed, calib, ...(weights ? { weights } : {}) });
    this.#session?.delete();
    this.#session = session;
    this.#key = key;
    return summaryOf(session);
  }

  run({ input, runs = 0, inputValues = false }) {
    if (!this.#session) throw new Error('no network prepared: call prepare first');
    return this.#session.compare(input, { runs, input_values: inputValues });
  }
}

function summaryOf(session) {
  return Object.fromEntries(Object.entries(session).filter(([, value]) => typeof value !== 'function'));
}
