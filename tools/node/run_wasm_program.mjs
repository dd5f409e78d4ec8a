// Runs one of the wasm programs of tools/node/CMakeLists.txt (build/wasm/NAME.mjs) under
// Node: calls its factory with `args` as argv and returns what main() printed, one
// string per line. Throws if the program is not built or main() returned non-zero.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function wasmProgramPath(name) {
  return fileURLToPath(new URL(`../../build/wasm/${name}.mjs`, import.meta.url));
}

export async function runWasmProgram(name, args = []) {
  const path = wasmProgramPath(name);
  if (!existsSync(path)) throw new Error(`${path} is missing; run bash scripts/build.sh wasm`);
  const lines = [];
  const errors = [];
  let status = 0;
  const { default: factory } = await import(pathToFileURL(path).href);
  await factory({
    arguments: args,
    print: (line) => lines.push(line),
    printErr: (line) => errors.push(line),
    onExit: (code) => { status = code; },
    quit: (code) => { status = code; },
  });
  if (status !== 0 || errors.length > 0) {
    throw new Error(`${name} ${args.join(' ')} failed (status ${status}): ${errors.join('\n')}`);
  }
  return lines;
}
