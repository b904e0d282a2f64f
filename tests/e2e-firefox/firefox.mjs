// The Firefox side of the end-to-end harness: Debian's Firefox ESR driven by
// puppeteer-core over WebDriver BiDi (Playwright needs its own patched
// Firefox, which cannot be downloaded here). It reuses tests/e2e/harness.mjs's
// static server and keeps its rule: any console error, uncaught page error or
// failed request fails the test.

import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { DIST, VIEWPORTS, closeAfter, startServer } from '../e2e/harness.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** True under CI, where a suite that cannot run must fail, never skip. */
export const IN_CI = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

/**
 * Why the Firefox suites cannot run here, or null. Under CI this is always
 * null: the suite then runs and its launch fails loudly.
 */
export function cannotRun() {
  if (IN_CI || existsSync(FIREFOX)) return null;
  return `${FIREFOX} not found: scripts/setup.sh installs firefox-esr (under CI=true this fails)`;
}

/**
 * Defines a test file's tests with `define()`, or, when Firefox is missing
 * outside CI, one skipped test that says so.
 */
export function firefoxTests(title, define) {
  const reason = cannotRun();
  if (reason) test(title, (t) => t.skip(reason));
  else define();
}

export function launchFirefox() {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    defaultViewport: VIEWPORTS.desktop,
    timeout: 60_000,
  });
}

/**
 * Before/after hooks for one test file: a server for `dir` and one Firefox,
 * shared by the file's tests (each test gets its own browser context).
 */
export function useFirefoxSuite({ dir = DIST } = {}) {
  const suite = { server: null, browser: null, dir };
  before(async () => {
    await stat(join(dir, 'index.html')).catch(() => {
      throw new Error(`${dir}/index.html not found: build first (trunk build --release)`);
    });
    assert.ok(existsSync(FIREFOX), `${FIREFOX} not found: run scripts/setup.sh (installs firefox-esr)`);
    suite.server = await startServer(dir);
    suite.browser = await launchFirefox();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/**
 * A fresh browser context (its own storage, service workers and caches) and
 * page for one test, recording every console error, uncaught exception and
 * failed request; closes itself when the test ends. Options as harness.mjs's
 * openSession: initScripts (script source), allowConsole (regexps), and
 * server (instead of the suite's).
 *
 * Returns the driver journeys.mjs expects, plus `page` and `errors`.
 */
export async function openFirefoxSession(t, suite, { initScripts = [], allowConsole = [], server = suite.server } = {}) {
  const context = await suite.browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.setDefaultNavigationTimeout(20_000);
  for (const s of initScripts) await page.evaluateOnNewDocument(s);
  const errors = [];
  const record = (text) => {
    if (!allowConsole.some((re) => re.test(text))) errors.push(text);
  };
  page.on('console', (msg) => {
    // An object argument reads "JSHandle@error": the source line says who logged it.
    const { url, lineNumber, columnNumber } = msg.location();
    const from = url ? ` (from ${url}:${lineNumber + 1}:${columnNumber + 1})` : '';
    if (msg.type() === 'error') record(`console.error on ${page.url()}${from}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => record(`page error on ${page.url()}: ${err.stack || err.message || err}`));
  // Chromium puts a failed load on the console; Firefox does not, so the
  // failures are taken from the network events instead. An aborted request
  // (a navigation cancelling the previous page's loads) is not a failure.
  page.on('response', (res) => {
    if (res.status() >= 400) record(`HTTP ${res.status()} for ${res.url()}`);
  });
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText ?? 'failed';
    if (why !== 'NS_BINDING_ABORTED') record(`request failed (${why}): ${req.url()}`);
  });
  let checked = false;
  closeAfter(t, context, errors, () => checked);
  return {
    page,
    errors,
    url: (hash = '') => `${server.url}/${hash}`,
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitForFunction: (fn, arg, timeout) => page.waitForFunction(fn, { timeout }, arg),
    click: (handle) => handle.asElement().click(),
    /** Fails the test if any error was seen so far. */
    expectClean() {
      checked = true;
      assert.deepEqual(errors, [], 'the page logged errors');
    },
  };
}
