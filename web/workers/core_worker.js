// The Web Worker that runs the core off the page's thread: TinyNAS searches
// (web/nas_runner.js) and int8 inference sessions (web/inference.js). One bundle, so the
// page carries one extra copy of the wasm module, not one per feature; each feature
// starts its own instance of it (a NAS search is cancelled by terminating its worker,
// which must not take the inference sessions with it).
// Protocol (sql.js's): page → worker {id, action, ...args};
//   worker → page {id, progress} (any number, NAS only), then {id, result} | {id, error}.
// A search is one synchronous wasm call: the worker reads no messages while it runs.
// Training (web/training.js, issue 6) runs in slices and yields between them, so its
// `cancel` message is read while it runs; it also sends {id, progress} messages. So does
// NAS with measured accuracy (web/model/nas_accuracy_service.js): its training phase
// runs in slices and reads `nasAccuracyCancel`.
import { createPlayground } from '../../wasm/api.js';
import { INFERENCE_ACTIONS, InferenceService } from '../model/inference_service.js';
import { TRAINING_ACTIONS, TrainingService } from '../model/training_service.js';
import { NAS_ACCURACY_ACTIONS, NasAccuracyService } from '../model/nas_accuracy_service.js';

const ready = createPlayground().then((playground) => ({
  playground, inference: new InferenceService(playground), training: new TrainingService(playground),
  nasAccuracy: new NasAccuracyService(playground),
}));

function run({ playground, inference, training, nasAccuracy }, { id, action, ...args }) {
  if (action === 'nas') return playground.nas(args.request, (progress) => self.postMessage({ id, progress }));
  if (INFERENCE_ACTIONS.includes(action)) return inference[action](args);
  if (TRAINING_ACTIONS.includes(action)) return training[action](args, (progress) => self.postMessage({ id, progress }));
  if (NAS_ACCURACY_ACTIONS.includes(action)) return nasAccuracy[action](args, (progress) => self.postMessage({ id, progress }));
  throw new Error(`unknown action ${JSON.stringify(action)}`);
}

self.onmessage = async ({ data }) => {
  const id = data?.id;
  try {
    self.postMessage({ id, result: await run(await ready, data ?? {}) });
  } catch (error) {
    const { name = 'Error', message = String(error), path = '', reason = message, line = null, column = null } = error ?? {};
    self.postMessage({ id, error: { name, message, path, reason, line, column } });
  }
};
