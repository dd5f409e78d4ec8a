// Builds the static page into dist/: web/main.js and everything it imports (CodeMirror,
// Chart.js, the wasm module with its inlined binary) bundled by esbuild into ONE classic
// script, dist/app.js, next to index.html and style.css.
//
// A classic script (iife), not an ES module, so that dist/index.html also works opened
// from disk: file:// pages may not load module scripts or fetch a separate .wasm.
//
//   node tools/build-web.mjs            minified build
//   node tools/build-web.mjs --dev      unminified, with an inline source map
import { build } from 'esbuild';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;
const dev = process.argv.includes('--dev');
const wasmModule = `${root}build/wasm/tinyml_wasm.mjs`;

if (!(await stat(wasmModule).catch(() => null))) {
  console.error(`build-web: ${wasmModule} does not exist; build the wasm module first (scripts/build.sh wasm)`);
  process.exit(1);
}

// Web Workers, by name: each entry is bundled on its own into a classic script and
// inlined as a string, which the page imports as `import source from 'worker:NAME'` and
// starts from a Blob URL (web/worker_client.js): file:// pages cannot load
// new Worker('w.js'). Add a worker by adding its entry here.
const WORKERS = {
  inference: 'web/workers/inference_worker.js',
};

function inlineWorkers() {
  return {
    name: 'inline-workers',
    setup(builder) {
      builder.onResolve({ filter: /^worker:/ }, ({ path }) => ({ path: path.slice('worker:'.length), namespace: 'worker' }));
      builder.onLoad({ filter: /.*/, namespace: 'worker' }, async ({ path: name }) => {
        if (!WORKERS[name]) return { errors: [{ text: `unknown worker "${name}"; known: ${Object.keys(WORKERS).join(', ')}` }] };
        const worker = await build({
          absWorkingDir: root,
          entryPoints: [WORKERS[name]],
          bundle: true,
          write: false,
          format: 'iife',
          platform: 'browser',
          target: ['chrome109', 'firefox115', 'safari16'],
          minify: !dev,
          legalComments: 'none',
          define: { 'import.meta.url': 'undefined' },
          logLevel: 'warning',
        });
        return { contents: `export default ${JSON.stringify(worker.outputFiles[0].text)};`, loader: 'js', watchFiles: [] };
      });
    },
  };
}

const started = performance.now();
await mkdir(dist, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['web/main.js'],
  outfile: 'dist/app.js',
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome109', 'firefox115', 'safari16'],
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  // The Emscripten ES6 module reads import.meta.url to find its .wasm; with the binary
  // inlined (SINGLE_FILE) it never uses it, and an iife has no import.meta.
  define: { 'import.meta.url': 'undefined' },
  logLevel: 'warning',
  metafile: true,
  plugins: [inlineWorkers()],
});
await Promise.all(['index.html', 'style.css'].map((file) => copyFile(`${root}web/${file}`, `${dist}${file}`)));

const bytes = result.metafile.outputs['dist/app.js'].bytes;
const ms = Math.round(performance.now() - started);
console.log(`build-web: dist/app.js ${(bytes / 1024).toFixed(0)} KB, index.html, style.css (${ms} ms)`);
