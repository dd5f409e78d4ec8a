// Serves dist/ on 127.0.0.1 for `npm start`: port $PORT, else 8080; when that port is
// taken, a free one. Prints "TinyML Playground: http://127.0.0.1:PORT/".
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../dist/', import.meta.url));
const host = '127.0.0.1';

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// The file under dist/ that a URL path names, or null when it points outside dist/.
function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = normalize(join(root, decoded.endsWith('/') ? `${decoded}index.html` : decoded));
  return file.startsWith(root) ? file : null;
}

async function respond(request, response) {
  const { pathname } = new URL(`http://${host}${request.url}`);  // a url of //x is a path here, not a host
  const file = fileFor(pathname);
  const info = file && (await stat(file).catch(() => null));
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
  } else if (info?.isDirectory()) {
    response.writeHead(301, { location: `${pathname}/` }).end();
  } else if (!info?.isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${pathname}\n`);
  } else {
    response.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-cache',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  }
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

const index = await stat(join(root, 'index.html')).catch(() => null);
if (!index) {
  console.error(`serve: ${root}index.html does not exist; run npm run build`);
  process.exit(1);
}

const server = createServer((request, response) => {
  respond(request, response).catch((error) => {
    console.error(`serve: ${request.url}: ${error.message}`);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});
const wanted = Number(process.env.PORT ?? 8080);
let port;
try {
  port = await listen(server, wanted);
} catch (error) {
  if (error.code !== 'EADDRINUSE') throw error;
  port = await listen(server, 0);
  console.error(`serve: port ${wanted} is in use; using ${port}`);
}
console.log(`TinyML Playground: http://${host}:${port}/`);
