// Writes the Fashion-MNIST subsets the page ships: the first N training and the first M
// test examples of Debian's dataset-fashion-mnist, in the same IDX format and file names,
// gzip-compressed (level 9), so `tinyml train --data <out>` reads them like the originals.
//
//   node tools/prepare-fashion-mnist.mjs [--source DIR] [--out DIR] [--train N] [--test M]
//
// Defaults: /usr/share/datasets/fashion-mnist → dist/data/fashion-mnist, N = 6000,
// M = 2000 (docs/training.md says why). The output depends only on the source files and
// N, M (gzip without a timestamp or name: Node's zlib writes neither), so re-running
// gives the same bytes. Skipped when the output already holds the same N and M and is
// newer than this script and the source files (subsets.json records N and M).
// Run by scripts/build.sh web.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const options = { source: '/usr/share/datasets/fashion-mnist', out: join(root, 'dist/data/fashion-mnist'), train: 6000, test: 2000 };
const argv = process.argv.slice(2);
for (let index = 0; index < argv.length; index += 2) {
  const key = argv[index].replace(/^--/, '');
  if (!(key in options) || index + 1 >= argv.length) {
    console.error(`prepare-fashion-mnist: unexpected argument ${argv[index]}`);
    process.exit(2);
  }
  options[key] = ['train', 'test'].includes(key) ? Number(argv[index + 1]) : argv[index + 1];
  if (['train', 'test'].includes(key) && !(Number.isInteger(options[key]) && options[key] >= 1)) {
    console.error(`prepare-fashion-mnist: --${key} takes a whole number ≥ 1, got ${argv[index + 1]}`);
    process.exit(2);
  }
}

// The IDX header (magic 0x00 0x00 0x08 rank, big-endian uint32 dims); checked like the
// core's reader (core/data/idx.cpp) before slicing.
function readIdx(path, rank) {
  const bytes = gunzipSync(readFileSync(path));
  if (bytes.length < 4 + 4 * rank || bytes[0] !== 0 || bytes[1] !== 0 || bytes[2] !== 8 || bytes[3] !== rank) {
    throw new Error(`${path}: not an IDX file of unsigned bytes with ${rank} dimensions`);
  }
  const dims = Array.from({ length: rank }, (_, dim) => bytes.readUInt32BE(4 + 4 * dim));
  const header = 4 + 4 * rank;
  const expected = header + dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== expected) throw new Error(`${path}: ${bytes.length} bytes, the header promises ${expected}`);
  return { dims, header, bytes };
}

function writeSubset(stem, count) {
  const images = readIdx(join(options.source, `${stem}-images-idx3-ubyte.gz`), 3);
  const labels = readIdx(join(options.source, `${stem}-labels-idx1-ubyte.gz`), 1);
  const n = Math.min(count, images.dims[0]);
  const written = [];
  for (const [file, idx] of [[`${stem}-images-idx3-ubyte.gz`, images], [`${stem}-labels-idx1-ubyte.gz`, labels]]) {
    const perExample = idx.dims.slice(1).reduce((a, b) => a * b, 1);
    const out = Buffer.from(idx.bytes.subarray(0, idx.header + n * perExample));
    out.writeUInt32BE(n, 4);
    const gz = gzipSync(out, { level: 9 });
    writeFileSync(join(options.out, file), gz);
    written.push({ file, examples: n, bytes: out.length, gzip_bytes: gz.length });
  }
  return written;
}

const stamp = join(options.out, 'subsets.json');
const wanted = JSON.stringify({ train: options.train, test: options.test });
const inputs = [fileURLToPath(import.meta.url), ...['train', 't10k'].flatMap((stem) =>
  ['images-idx3', 'labels-idx1'].map((kind) => join(options.source, `${stem}-${kind}-ubyte.gz`)))];
const outputs = ['train', 't10k'].flatMap((stem) =>
  ['images-idx3', 'labels-idx1'].map((kind) => join(options.out, `${stem}-${kind}-ubyte.gz`)));
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted && outputs.every((output) => existsSync(output)) &&
    inputs.every((input) => statSync(input).mtimeMs <= statSync(stamp).mtimeMs)) {
  console.log(`prepare-fashion-mnist: ${options.out} is up to date`);
  process.exit(0);
}
mkdirSync(options.out, { recursive: true });
const files = [...writeSubset('train', options.train), ...writeSubset('t10k', options.test)];
writeFileSync(stamp, wanted);
const total = files.reduce((sum, file) => sum + file.gzip_bytes, 0);
console.log(`prepare-fashion-mnist: ${options.out}: ${files.map((f) => `${f.file} ${f.examples} (${(f.gzip_bytes / 1024).toFixed(0)} KB)`).join(', ')}; ${(total / 1024).toFixed(0)} KB in all`);
