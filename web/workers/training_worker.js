// The training Web Worker: its own wasm core, so training never freezes the page.
// Started from a Blob URL like the inference worker (tools/build-web.mjs, WORKERS).
// Protocol: {id, action, ...args} → {id, progress}* then {id, result} | {id, error}.
// `train` runs in slices and yields between them, so a `cancel` message is handled
// while it runs.
import { createPlayground } from '../../wasm/api.js';
import { TRAINING_ACTIONS, TrainingService } from '../model/training_service.js';

const service = createPlayground().then((playground) => new TrainingService(playground));

self.onmessage = async ({ data: { id, action, ...args } }) => {
  try {
    if (!TRAINING_ACTIONS.includes(action)) throw new Error(`unknown action ${action}`);
    const result = await (await service)[action](args, (progress) => self.postMessage({ id, progress }));
    self.postMessage({ id, result });
  } catch (error) {
    const { name, message, path = '', reason = message, line = null, column = null } = error ?? {};
    self.postMessage({ id, error: { name, message, path, reason, line, column } });
  }
};
