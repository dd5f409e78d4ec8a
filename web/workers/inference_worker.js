// The inference Web Worker: its own wasm core, so quantizing and running a large
// network (MobileNetV2 at 224) never freezes the page. Built by tools/build-web.mjs into
// a string the page starts from a Blob URL (web/worker_client.js).
// Protocol (sql.js's): {id, action, ...args} → {id, result} | {id, error}.
// It also serves the training actions (model/training_service.js), which send
// {id, progress} messages before their result: the page starts a second worker from this
// same source to train, so app.js carries one copy of the wasm, not two.
import { createPlayground } from '../../wasm/api.js';
import { INFERENCE_ACTIONS, InferenceService } from '../model/inference_service.js';
import { TRAINING_ACTIONS, TrainingService } from '../model/training_service.js';

const service = createPlayground().then((playground) => new InferenceService(playground));
const training = service.then((inference) => new TrainingService(inference.playground));

self.onmessage = async ({ data: { id, action, ...args } }) => {
  try {
    let result;
    if (TRAINING_ACTIONS.includes(action)) {
      result = await (await training)[action](args, (progress) => self.postMessage({ id, progress }));
    } else {
      if (!INFERENCE_ACTIONS.includes(action)) throw new Error(`unknown action ${action}`);
      result = (await service)[action](args);
    }
    self.postMessage({ id, result });
  } catch (error) {
    const { name, message, path = '', reason = message, line = null, column = null } = error ?? {};
    self.postMessage({ id, error: { name, message, path, reason, line, column } });
  }
};
