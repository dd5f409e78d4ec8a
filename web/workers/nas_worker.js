// The Web Worker that runs TinyNAS off the page's thread, with sql.js's protocol:
//   page → worker  {id, action: 'nas', request}
//   worker → page  {id, progress}            any number, as the search goes (api.js nas())
//                  {id, result} | {id, error: {name, message, path, reason, line, column}}
// The search is one synchronous wasm call, so the worker cannot read messages while it
// runs: the page cancels by terminating the worker (web/nas_runner.js).
import { createPlayground } from '../../wasm/api.js';

const ready = createPlayground();

const ACTIONS = {
  nas: (playground, { id, request }) => playground.nas(request, (progress) => {
    self.postMessage({ id, progress });
  }),
};

function errorMessage(error) {
  const { name = 'Error', message = String(error), path = '', reason = message, line = null, column = null } = error ?? {};
  return { name, message, path, reason, line, column };
}

self.onmessage = async ({ data }) => {
  const { id, action } = data ?? {};
  try {
    const run = ACTIONS[action];
    if (!run) throw new Error(`unknown action ${JSON.stringify(action)}`);
    self.postMessage({ id, result: run(await ready, data) });
  } catch (error) {
    self.postMessage({ id, error: errorMessage(error) });
  }
};
