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

const started = performance.now();
await mkdir(dist, { recursive: true });

// Web Workers: each entry is bundled first into its own classic script, and the page
// imports that script's text as `import source from 'worker-source:<name>'` (the file's
// base name), to start it from a Blob URL: file:// pages may not load a worker from a
// file. Add an entry here for a new worker. (The worker that runs the core carries its
// own copy of the wasm module: a worker cannot share the page's.)
const WORKERS = ['web/workers/nas_worker.js'];
const workerSources = new Map();
for (const entry of WORKERS) {
  const built = await build({
    absWorkingDir: root,
    entryPoints: [entry],
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
  workerSources.set(entry.split('/').pop().replace(/\.js$/, ''), built.outputFiles[0].text);
}
const workerSourcePlugin = {
  name: 'worker-source',
  setup(build) {
    build.onResolve({ filter: /^worker-source:/ }, (args) => ({ path: args.path.slice('worker-source:'.length), namespace: 'worker-source' }));
    build.onLoad({ filter: /.*/, namespace: 'worker-source' }, (args) => {
      if (!workerSources.has(args.path)) return { errors: [{ text: `no worker entry named ${args.path} in WORKERS` }] };
      return { contents: `export default ${JSON.stringify(workerSources.get(args.path))};`, loader: 'js' };
    });
  },
};

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
  plugins: [workerSourcePlugin],
});
await Promise.all(['index.html', 'style.css'].map((file) => copyFile(`${root}web/${file}`, `${dist}${file}`)));

const bytes = result.metafile.outputs['dist/app.js'].bytes;
const ms = Math.round(performance.now() - started);
console.log(`build-web: dist/app.js ${(bytes / 1024).toFixed(0)} KB, index.html, style.css (${ms} ms)`);
for (const [name, source] of workerSources) console.log(`build-web:   of which worker ${name} ${(source.length / 1024).toFixed(0)} KB`);
