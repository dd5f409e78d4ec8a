// The inference Web Worker: its own wasm core, so quantizing and running a large
// network (MobileNetV2 at 224) never freezes the page. Built by tools/build-web.mjs into
// a string the page starts from a Blob URL (web/worker_client.js).
// Protocol (sql.js's): {id, action, ...args} → {id, result} | {id, error}.
import { createPlayground } from '../../wasm/api.js';
import { INFERENCE_ACTIONS, InferenceService } from '../model/inference_service.js';

const service = createPlayground().then((playground) => new InferenceService(playground));

self.onmessage = async ({ data: { id, action, ...args } }) => {
  try {
    if (!INFERENCE_ACTIONS.includes(action)) throw new Error(`unknown action ${action}`);
    const result = (await service)[action](args);
    self.postMessage({ id, result });
  } catch (error) {
    const { name, message, path = '', reason = message, line = null, column = null } = error ?? {};
    self.postMessage({ id, error: { name, message, path, reason, line, column } });
  }
};
