// The data the page loads only when a dataset feature is used (tools/bundle-page-data.mjs
// writes it): classic scripts added on demand — what works from file://, where fetch()
// does not — each assigning into globalThis.TINYML_DATA. The gzip IDX files arrive as
// base64 and are decompressed here with DecompressionStream('gzip').

const loading = new Map();

// Adds <script src="data/NAME.js"> once; → a Promise of TINYML_DATA[NAME].
export function loadDataScript(name) {
  if (!loading.has(name)) {
    loading.set(name, new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `data/${name}.js`;
      script.onload = () => {
        const value = globalThis.TINYML_DATA?.[name];
        if (value) resolve(value);
        else reject(new Error(`data/${name}.js did not define its data`));
      };
      script.onerror = () => {
        loading.delete(name);
        reject(new Error(`could not load data/${name}.js (build the page with scripts/build.sh web)`));
      };
      document.head.append(script);
    }));
  }
  return loading.get(name);
}

async function gunzipBase64(text) {
  const bytes = Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const splits = new Map();

// split: 'test' | 'train' → a Promise of {images, labels}: the uncompressed IDX files.
export function fashionMnist(split) {
  if (!splits.has(split)) {
    splits.set(split, loadDataScript(`fashion-mnist-${split}`).then(async (files) => ({
      images: await gunzipBase64(files.images),
      labels: await gunzipBase64(files.labels),
    })));
    splits.get(split).catch(() => splits.delete(split));
  }
  return splits.get(split);
}

// → a Promise of {weights, report} for a preset that ships trained weights (rejects for
// one that does not: its script does not exist).
export function shippedWeights(preset) {
  return loadDataScript(`trained-weights-${preset}`);
}
