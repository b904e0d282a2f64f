// Test harness for the end-to-end journeys: a static server for dist/, one
// headless Chromium per test file, a fresh browser context per test, and a
// guard that fails a test on any console error or uncaught page error.
//
// Nothing here knows about the app; tests/e2e/app.mjs holds the app's
// selectors and user actions.

import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
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

/**
 * What `dir` lacks to be a release build as scripts/postbuild.mjs leaves it,
 * or null: index.html, the CSP <meta> in it, and the rendered offline
 * service worker.
 */
export function buildProblem(dir = DIST) {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return `${index} not found: build the app first (trunk build --release)`;
  if (!/http-equiv="Content-Security-Policy"/.test(readFileSync(index, 'utf8'))) {
    return `${index} has no CSP <meta>: the post_build hook (scripts/postbuild.mjs) did not run or failed`;
  }
  const sw = join(dir, 'sw.js');
  if (!existsSync(sw)) return `${sw} not found: the post_build hook (scripts/postbuild.mjs) did not run`;
  if (!readFileSync(sw, 'utf8').includes('const BUILD = {')) return `${sw} is the debug pass-through worker: build with --release`;
  return null;
}

/**
 * For a test file that needs the release build: true when DIST is one (see
 * buildProblem). Otherwise registers one test, `name`, that fails with the
 * reason, and returns false. A build without its CSP or its service worker
 * is a broken build: the suites that check them fail, they never skip.
 */
export function requireBuild(name) {
  const problem = buildProblem(DIST);
  if (problem) test(name, () => assert.fail(problem));
  return !problem;
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
 * 'block', to see every request the page makes), touch (a phone: touch
 * events, no hover, a coarse pointer).
 *
 * Returns { context, page, url(hash), errors, expectClean() }. A test should
 * end with expectClean(); one that does not is checked when it ends.
 */
/**
 * Closes `context` when test `t` ends, and fails the test on the `errors`
 * it saw unless `checked()` says the test looked at them itself (its
 * expectClean()). Both browsers' sessions end this way.
 */
export function closeAfter(t, context, errors, checked) {
  t.after(async () => {
    // A test that never called expectClean() still fails on page errors.
    const unchecked = checked() ? [] : [...errors];
    await context.close().catch(() => {});
    if (unchecked.length) throw new Error(`the page logged errors:\n${unchecked.join('\n')}`);
  });
}

export async function openSession(
  t,
  suite,
  { viewport = VIEWPORTS.desktop, initScripts = [], allowConsole = [], serviceWorkers = 'allow', touch = false } = {},
) {
  const context = await suite.browser.newContext({
    viewport, deviceScaleFactor: 1, serviceWorkers, ...(touch ? { hasTouch: true, isMobile: true } : {}),
  });
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
  closeAfter(t, context, errors, () => checked);
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

/** The WCAG levels every audit checks: 2.0, 2.1 and 2.2, A and AA. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let axeSource;

/**
 * Runs axe-core on the page (or on the elements matching `include`) and
 * returns its WCAG A/AA violations as a readable report, '' when there are
 * none. axe is injected with page.evaluate (the DevTools protocol), not
 * page.addScriptTag: the app's CSP rightly refuses an inline <script>.
 */
export async function axeReport(page, include = null) {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async ([tags, include]) => {
      const result = await window.axe.run(include ?? document, {
        runOnly: { type: 'tag', values: tags },
        rules: { 'color-contrast': { enabled: true } },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }));
    },
    [AXE_TAGS, include],
  );
  return violations
    .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join('\n')}`)
    .join('\n');
}
