// Which trained weights the network in the editor runs with: a training run kept in this
// browser for exactly this text first, else the weights a preset ships with when the
// preset is unchanged (loaded on demand, only for presets that take Fashion-MNIST),
// else none (seeded weights).

import { takesFashionMnist } from './model/fashion_mnist.js';
import { shippedWeights } from './page_data.js';

function inputOf(text) {
  try {
    return JSON.parse(text)?.input ?? null;
  } catch {
    return null;
  }
}

// → async (text) → {source: 'browser' | 'shipped', key, weights, report} | null
export function trainedWeightsLookup({ state, store }) {
  return async (text) => {
    const stored = store.get(text);
    if (stored) return { source: 'browser', key: `browser:${stored.saved}`, weights: stored.weights, report: stored.report };
    if (state.edited || text !== state.presetText || !takesFashionMnist(inputOf(text))) return null;
    // A network opened from elsewhere (a TinyNAS candidate) ships no weights: asking for
    // its script would only log a 404.
    if (state.openedEntries.some((entry) => entry.name === state.preset)) return null;
    const shipped = await shippedWeights(state.preset).catch(() => null);
    return shipped ? { source: 'shipped', key: `shipped:${state.preset}`, weights: shipped.weights, report: shipped.report } : null;
  };
}
