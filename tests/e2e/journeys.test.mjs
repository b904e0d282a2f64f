// The core journeys of journeys.mjs in Chromium, through Playwright: the same
// steps and assertions that tests/e2e-firefox/ runs in Firefox ESR, so a
// journey failing in one browser only is a difference between browsers, not
// between two copies of a test.
import { test } from 'node:test';
import { DIST, useSuite, openSession, startServer } from './harness.mjs';
import { JOURNEYS } from './journeys.mjs';

const suite = useSuite();

/** journeys.mjs's driver over a Playwright page (harness.mjs's session). */
function driver(s) {
  const { page } = s;
  return {
    url: s.url,
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitForFunction: (fn, arg, timeout) => page.waitForFunction(fn, arg, { timeout }),
    click: (handle) => handle.asElement().click(),
    expectClean: () => s.expectClean(),
  };
}

const start = async (t, { server, ...options } = {}) =>
  driver(await openSession(t, server ? { ...suite, server } : suite, options));

for (const [name, journey] of Object.entries(JOURNEYS)) {
  test(`chromium: ${name}`, (t) => journey(t, start, { startServer, dir: DIST }));
}
