// Shared set-up for the browser tests: dist/ served from a node:http server on
// 127.0.0.1 (a free port), the system Chromium driven by playwright-core, and helpers
// that read and edit the page the way a user does.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../../build/e2e/', import.meta.url));
export const FILE_URL = pathToFileURL(join(DIST, 'index.html')).href;

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

// → {url, close()}: dist/ over http.
export async function serveDist() {
  if (!(await stat(join(DIST, 'app.js')).catch(() => null))) {
    throw new Error(`${DIST}app.js is missing: run npm run build (or node tools/build-web.mjs) first`);
  }
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    const file = normalize(join(DIST, path.endsWith('/') ? `${path}index.html` : path));
    const body = file.startsWith(DIST) ? await readFile(file).catch(() => null) : null;
    if (!body) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// For a test file: serves dist/ and launches Chromium before its tests (making the
// artifacts folder too), closes both after them. Returns {browser, url}, filled in by
// the time the tests run.
export function useBrowser() {
  const session = { browser: null, server: null, get url() { return this.server.url; } };
  before(async () => {
    [session.server, session.browser] = await Promise.all([serveDist(), launchChromium()]);
    await mkdir(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

// A fresh page (its own context: empty localStorage) at url, once the core has loaded
// and the first analysis is on screen. Page errors are collected in page.errors.
export async function openPage(browser, url, viewport = { width: 1400, height: 1000 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') page.errors.push(message.text()); });
  await page.goto(url);
  await waitReady(page);
  return page;
}

export async function waitReady(page) {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
}

// The layer table as rows of cell texts.
export function layerRows(page) {
  return page.$$eval('#layer-table tbody tr', (rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent.trim())));
}

export function verdict(page) {
  return page.textContent('[data-testid="verdict"] strong');
}

export function editorText(page) {
  return page.$eval('.cm-content', (content) => [...content.querySelectorAll('.cm-line')].map((line) => line.textContent).join('\n'));
}

// Select `text` inside the editor line that contains `lineContaining` (the first such
// line, the first occurrence in it) and type `replacement` over it, as a user would.
export async function replaceInEditor(page, lineContaining, text, replacement) {
  await page.click('.cm-content');
  const found = await page.evaluate(([lineText, target]) => {
    const line = [...document.querySelectorAll('.cm-content .cm-line')].find((node) => node.textContent.includes(lineText));
    if (!line) return false;
    const start = line.textContent.indexOf(target, line.textContent.indexOf(lineText));
    // Walk the line's text nodes to the ones holding [start, start + target.length).
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const end = offset + node.length;
      if (offset <= start && start < end) range.setStart(node, start - offset);
      if (offset < start + target.length && start + target.length <= end) {
        range.setEnd(node, start + target.length - offset);
        break;
      }
      offset = end;
    }
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  }, [lineContaining, text]);
  if (!found) throw new Error(`no editor line contains ${lineContaining}`);
  // CodeMirror reads the DOM selection on selectionchange; let it arrive before typing.
  await page.waitForTimeout(50);
  await page.keyboard.type(replacement);
}
