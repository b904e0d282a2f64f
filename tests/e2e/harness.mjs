// Test harness for the end-to-end journeys: a static server for dist/, one
// headless Chromium per test file, a fresh browser context per test, and a
// guard that fails a test on any console error or uncaught page error.
//
// Nothing here knows about the app; tests/e2e/app.mjs holds the app's
// selectors and user actions.

import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..', '..');
export const DIST = resolve(process.env.E2E_DIST ?? join(ROOT, 'dist'));
export const ARTIFACTS = join(HERE, 'artifacts');

/** The two viewports every screen is checked at: a phone and a laptop. */
export const VIEWPORTS = {
  mobile: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
};

// Flags that keep Chromium quiet and able to run as root with no display or
// network (see shared/TOOLCHAIN.md).
export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Serves `dir` on 127.0.0.1 at a free port. Resolves to { url, port, close }.
 * `/` serves index.html; anything outside `dir` or missing is a 404.
 */
export async function startServer(dir = DIST) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error(), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      const missing = err.code === 'ENOENT' || err.code === 'ENOTDIR' || err instanceof URIError;
      res.writeHead(missing ? 404 : 500, { 'content-type': 'text/plain' });
      res.end(missing ? 'not found' : 'server error');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

/** Launches Debian's Chromium (playwright cannot download its own here). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/**
 * Registers before/after hooks for one test file: a server for dist/ and one
 * browser, shared by the file's tests. Returns an object whose `server` and
 * `browser` are filled in once the `before` hook has run.
 */
export function useSuite({ dir = DIST } = {}) {
  const suite = { server: null, browser: null };
  before(async () => {
    await stat(join(dir, 'index.html')).catch(() => {
      throw new Error(`${dir}/index.html not found: build first (trunk build --release)`);
    });
    suite.server = await startServer(dir);
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/**
 * A fresh browser context and page for one test, with every console error and
 * uncaught exception recorded. Closes itself when the test ends.
 *
 * options: viewport ({width,height}, default desktop), initScripts (functions
 * or strings run before any page script on every navigation), allowConsole
 * (regexps of console errors the test expects), serviceWorkers ('allow' or
 * 'block', to see every request the page makes).
 *
 * Returns { context, page, url(hash), errors, expectClean() }. A test should
 * end with expectClean(); one that does not is checked when it ends.
 */
export async function openSession(
  t,
  suite,
  { viewport = VIEWPORTS.desktop, initScripts = [], allowConsole = [], serviceWorkers = 'allow' } = {},
) {
  const context = await suite.browser.newContext({ viewport, deviceScaleFactor: 1, serviceWorkers });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(20_000);
  for (const s of initScripts) await context.addInitScript(s);
  const errors = [];
  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      if (allowConsole.some((re) => re.test(text))) return;
      errors.push(`console.error on ${page.url()}: ${text}`);
    });
    page.on('pageerror', (err) => errors.push(`page error on ${page.url()}: ${err.stack ?? err}`));
    page.on('crash', () => errors.push(`page crashed: ${page.url()}`));
  };
  context.on('page', watch);
  const page = await context.newPage();
  let checked = false;
  t.after(async () => {
    // A test that never called expectClean() still fails on page errors.
    const unchecked = checked ? [] : [...errors];
    await context.close().catch(() => {});
    if (unchecked.length) throw new Error(`the page logged errors:\n${unchecked.join('\n')}`);
  });
  return {
    context,
    page,
    errors,
    /** Absolute URL of an app route, e.g. url('#/results'). */
    url: (hash = '') => `${suite.server.url}/${hash}`,
    /** Fails the test if any console error or page error was seen so far. */
    expectClean() {
      checked = true;
      assert.deepEqual(errors, [], 'the page logged errors');
    },
  };
}

/**
 * Saves a full-page screenshot as tests/e2e/artifacts/<name>-<w>x<h>.png and
 * returns its path.
 */
export async function screenshot(page, name) {
  const { width, height } = page.viewportSize();
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}-${width}x${height}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
