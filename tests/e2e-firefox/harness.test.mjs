// The Firefox harness's own tests, on a tiny fixture site: Firefox boots a
// wasm page, and the error guard sees what it must (if it did not, a clean
// journey would prove nothing).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firefoxTests, useFirefoxSuite, openFirefoxSession } from './firefox.mjs';

// An empty but valid WebAssembly module.
const EMPTY_WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const INDEX = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="icon" href="data:,"><title>fixture</title></head><body><h1>fixture</h1>
<script type="module">
  await WebAssembly.instantiateStreaming(fetch('/m.wasm'));
  document.body.dataset.wasm = 'ok';
  if (location.hash === '#/fail') console.error('deliberate failure');
  if (location.hash === '#/throw') setTimeout(() => { throw new Error('deliberate throw'); });
  if (location.hash === '#/missing') document.body.append(Object.assign(new Image(), { src: '/missing.png' }));
</script></body></html>`;

const fixture = await mkdtemp(join(tmpdir(), 'e2e-firefox-fixture-'));
await writeFile(join(fixture, 'index.html'), INDEX);
await writeFile(join(fixture, 'm.wasm'), EMPTY_WASM);
after(() => rm(fixture, { recursive: true, force: true }));

const ready = (s) => s.waitForFunction(() => document.body.dataset.wasm === 'ok', null, 10_000);
const settle = () => new Promise((ok) => setTimeout(ok, 300));

firefoxTests('firefox harness', () => {
  const suite = useFirefoxSuite({ dir: fixture });

  test('firefox harness: Firefox boots a wasm page and a clean page passes the guard', async (t) => {
    const s = await openFirefoxSession(t, suite);
    await s.goto(s.url('#/'));
    await ready(s);
    assert.match(await s.page.browser().version(), /firefox/i);
    s.expectClean();
  });

  test('firefox harness: the guard sees console errors, uncaught exceptions and failed loads', async (t) => {
    const s = await openFirefoxSession(t, suite);
    for (const hash of ['#/fail', '#/throw', '#/missing']) {
      await s.goto(s.url(hash));
      await s.reload();
      await ready(s);
    }
    await settle();
    const seen = s.errors.join('\n');
    assert.match(seen, /deliberate failure/);
    assert.match(seen, /deliberate throw/);
    assert.match(seen, /HTTP 404 for \S+\/missing\.png/);
    assert.throws(() => s.expectClean());
  });

  test('firefox harness: a test that forgets expectClean() still fails on a page error', async () => {
    const hooks = [];
    const s = await openFirefoxSession({ after: (f) => hooks.push(f) }, suite);
    await s.goto(s.url('#/fail'));
    await ready(s);
    await settle();
    await assert.rejects(hooks[0](), /deliberate failure/);
  });
});
